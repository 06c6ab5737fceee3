import static dev.testguard.it.ItChecks.*

passed(basedir, 'TEST', 'jdbc:postgresql://localhost:5432/tg_it_orders_test')

psql('postgres', 'DROP DATABASE IF EXISTS tg_it_orders_test')
true
