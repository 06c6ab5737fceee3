def log = new File(basedir, 'build.log').text
assert !new File(basedir, 'target/test-ran.marker').exists() : 'a test ran although testguard had to stop the build first'
assert log.contains('testguard stopped the build before any test ran') : 'no testguard failure in build.log'
assert log.contains('jdbc:postgresql://localhost/payments_prod') : 'build.log should mention ' + 'jdbc:postgresql://localhost/payments_prod'
assert log.contains('<argLine>') : 'build.log should mention ' + '<argLine>'
assert log.contains('prod') : 'build.log should mention ' + 'prod'
def report = new File(basedir, 'target/testguard/report.json')
assert report.isFile() : 'report.json missing'
assert report.text.contains('"PROTECTED"')
true
