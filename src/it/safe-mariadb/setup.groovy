def p = ['mariadb', '-uroot', '-e', 'DROP DATABASE IF EXISTS tg_it_shop_test; CREATE DATABASE tg_it_shop_test'].execute(); p.waitFor()
assert p.exitValue() == 0 : p.err.text
true
