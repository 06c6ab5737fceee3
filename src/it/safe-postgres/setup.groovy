def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-qc', 'DROP DATABASE IF EXISTS tg_it_orders_test'].execute(); p.waitFor()
p = ['psql', '-h', 'localhost', '-U', 'postgres', '-qc', 'CREATE DATABASE tg_it_orders_test'].execute(); p.waitFor()
assert p.exitValue() == 0 : p.err.text
true
