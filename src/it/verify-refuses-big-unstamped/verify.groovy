def log = new File(basedir, 'build.log').text
def p = ['mariadb', '-uroot', '-N', '-B', '-e', 'SELECT COUNT(*) FROM tg_it_catalog_test.products'].execute()
p.waitFor()
def rows = p.text.trim()
['mariadb', '-uroot', '-e', 'DROP DATABASE IF EXISTS tg_it_catalog_test'].execute().waitFor()

assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:mariadb://localhost:3306/tg_it_catalog_test') : 'build.log should name the database'
assert log.contains('rule:   live-data: The database holds about') : 'build.log should name the live-data rule'
assert log.contains('more than maxRows (10,000)')
assert log.contains('mvn testguard:stamp -Dtestguard.url=jdbc:mariadb://localhost:3306/tg_it_catalog_test -Dtestguard.role=test') : 'the fix should name testguard:stamp'
assert rows == '30000' : 'data was touched: ' + rows
true
