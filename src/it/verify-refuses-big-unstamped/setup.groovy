def p = ['mariadb', '-uroot', '-e', '''DROP DATABASE IF EXISTS tg_it_catalog_test; CREATE DATABASE tg_it_catalog_test;
    USE tg_it_catalog_test;
    CREATE TABLE products(id INT PRIMARY KEY) ENGINE=InnoDB;
    INSERT INTO products SELECT seq FROM seq_1_to_30000;
    ANALYZE TABLE products;'''].execute()
p.waitFor()
assert p.exitValue() == 0 : p.err.text
true
