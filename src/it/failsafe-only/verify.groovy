def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:postgresql://localhost:5432/warehouse_prod') : 'build.log should mention ' + 'jdbc:postgresql://localhost:5432/warehouse_prod'
assert log.contains('maven-failsafe-plugin (default)') : 'build.log should mention ' + 'maven-failsafe-plugin (default)'
def report = new File(basedir, 'target/testguard/report.json')
assert report.isFile() : 'report.json missing'
assert report.text.contains('"PROTECTED"')

assert !new File(basedir, 'target/it-ran.marker').exists() : 'an integration test ran'
true
