def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:postgresql://localhost:5432/tg_it_orders') : 'build.log should mention ' + 'jdbc:postgresql://localhost:5432/tg_it_orders'
assert log.contains('src/main/resources/application.properties:3') : 'build.log should mention ' + 'src/main/resources/application.properties:3'
assert log.contains('spring.datasource.url') : 'build.log should mention ' + 'spring.datasource.url'
assert log.contains('src/test/resources/application.properties') : 'build.log should mention ' + 'src/test/resources/application.properties'
def report = new File(basedir, 'target/testguard/report.json')
assert report.isFile() : 'report.json missing'
assert report.text.contains('"PROTECTED"')

def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'tg_it_orders', '-Atc', 'select count(*) from orders'].execute()
p.waitFor()
def rows = p.text.trim()
['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-qc', 'DROP DATABASE IF EXISTS tg_it_orders'].execute().waitFor()
assert rows == '25' : 'data was touched: ' + rows
true
