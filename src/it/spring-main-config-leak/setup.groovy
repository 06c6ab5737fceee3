import static dev.testguard.it.ItChecks.*

psql('postgres', 'DROP DATABASE IF EXISTS tg_it_orders')
psql('postgres', 'CREATE DATABASE tg_it_orders')
psql('tg_it_orders', 'CREATE TABLE orders(id int primary key); INSERT INTO orders SELECT generate_series(1,25)')
true
