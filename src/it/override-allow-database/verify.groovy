def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/test-ran.marker').exists() : 'the safe test did not run'
assert !log.contains('testguard stopped the build')
assert log.contains('OVERRIDE') : 'build.log should mention ' + 'OVERRIDE'
assert log.contains('db.test.example.com:5432/app_test') : 'build.log should mention ' + 'db.test.example.com:5432/app_test'
assert new File(basedir, 'target/testguard/report.json').isFile()

assert new File(basedir, 'target/testguard/report.json').text.contains('"overrides" : [ "host (allowed by db.test.example.com:5432/app_test)" ]')
true
