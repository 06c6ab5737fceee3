def log = new File(basedir, 'build.log').text
def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'tg_it_shared_test', '-Atc', 'SELECT count(*) FROM accounts'].execute()
p.waitFor()
def rows = p.text.trim()
['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-qc', 'DROP DATABASE IF EXISTS tg_it_shared_test'].execute().waitFor()

assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:postgresql://127.0.0.1:5432/tg_it_shared_test') : 'build.log should name the alias URL'
assert log.contains('rule:   main-datasource: This is the same server and database') : 'build.log should name the main-datasource rule, decided live'
assert log.contains("as the application's main datasource (jdbc:postgresql://localhost:5432/tg_it_shared_test)")
assert rows == '7' : 'data was touched: ' + rows
true
