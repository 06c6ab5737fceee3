def log = new File(basedir, 'build.log').text
def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'tg_it_ledger_test', '-Atc', 'SELECT count(*) FROM entries'].execute()
p.waitFor()
def rows = p.text.trim()
['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-qc', 'DROP DATABASE IF EXISTS tg_it_ledger_test'].execute().waitFor()

assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:postgresql://localhost:5432/tg_it_ledger_test') : 'build.log should name the database'
assert log.contains("rule:   stamp: The database is stamped 'protected' (by alice@laptop on 2025-01-15T09:30:00Z for com.example:ledger)") : 'build.log should name the stamp rule and who stamped'
assert log.contains('live: reachable, stamped protected') : 'the console report should show the live facts'
def report = new File(basedir, 'target/testguard/report.json')
assert report.isFile() : 'report.json missing'
assert report.text.contains('"PROTECTED"') && report.text.contains('"stamp"')
assert rows == '12' : 'data was touched: ' + rows
true
