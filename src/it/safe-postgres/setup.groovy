import static dev.testguard.it.ItChecks.*

psql('postgres', 'DROP DATABASE IF EXISTS tg_it_orders_test')
psql('postgres', 'CREATE DATABASE tg_it_orders_test')
true
