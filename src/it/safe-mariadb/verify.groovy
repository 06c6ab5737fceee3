def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/test-ran.marker').exists() : 'the safe test did not run'
assert !log.contains('testguard stopped the build')
assert log.contains('TEST') : 'build.log should mention ' + 'TEST'
assert log.contains('jdbc:mariadb://127.0.0.1:3306/tg_it_shop_test') : 'build.log should mention ' + 'jdbc:mariadb://127.0.0.1:3306/tg_it_shop_test'
assert new File(basedir, 'target/testguard/report.json').isFile()

['mariadb', '-uroot', '-e', 'DROP DATABASE IF EXISTS tg_it_shop_test'].execute().waitFor()
true
