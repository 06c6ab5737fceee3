import static dev.testguard.it.ItChecks.*

mariadb('DROP DATABASE IF EXISTS tg_it_shop_test; CREATE DATABASE tg_it_shop_test')
true
