import static dev.testguard.it.ItChecks.*

passed(basedir, 'TEST', 'jdbc:mariadb://127.0.0.1:3306/tg_it_shop_test')

mariadb('DROP DATABASE IF EXISTS tg_it_shop_test')
true
