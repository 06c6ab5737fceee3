def log = new File(basedir, 'build.log').text
assert log.contains('testguard refuses to reset: nothing was touched') : 'reset was not refused'
assert log.contains('jdbc:postgresql://localhost:5432/tg_it_orders_dev') : 'the refusal should name the database'
assert log.contains("rule 'name'") : 'the refusal should name the rule'
assert log.contains('Fix:')
def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'tg_it_orders_dev', '-tAc', 'SELECT count(*) FROM orders'].execute()
p.waitFor()
def rows = p.text.trim()
['psql', '-h', 'localhost', '-U', 'postgres', '-qc', 'DROP DATABASE IF EXISTS tg_it_orders_dev'].execute().waitFor()
assert rows == '3' : 'the data must be intact, found ' + rows
true
