import static dev.testguard.it.ItChecks.*

psql('postgres', 'DROP DATABASE IF EXISTS tg_it_dsv_big_test')
psql('postgres', 'CREATE DATABASE tg_it_dsv_big_test')
psql('tg_it_dsv_big_test', 'CREATE TABLE orders (id int); INSERT INTO orders SELECT generate_series(1, 500); ANALYZE orders')
true
