import static dev.testguard.it.ItChecks.*

psql('postgres', 'DROP DATABASE IF EXISTS tg_it_dsv_orders_app')
psql('postgres', 'CREATE DATABASE tg_it_dsv_orders_app')
psql('tg_it_dsv_orders_app', 'CREATE TABLE orders (id int); INSERT INTO orders VALUES (1), (2), (3); ANALYZE orders')
true
