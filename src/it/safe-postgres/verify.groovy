def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/test-ran.marker').exists() : 'the safe test did not run'
assert !log.contains('testguard stopped the build')
assert log.contains('TEST') : 'build.log should mention ' + 'TEST'
assert log.contains('jdbc:postgresql://localhost:5432/tg_it_orders_test') : 'build.log should mention ' + 'jdbc:postgresql://localhost:5432/tg_it_orders_test'
assert new File(basedir, 'target/testguard/report.json').isFile()

['psql', '-h', 'localhost', '-U', 'postgres', '-qc', 'DROP DATABASE IF EXISTS tg_it_orders_test'].execute().waitFor()
true
