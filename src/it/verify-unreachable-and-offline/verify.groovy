def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/test-ran.marker').exists() : 'the test did not run'
assert !log.contains('testguard stopped the build')
assert log.contains('jdbc:postgresql://localhost:1/app_test') : 'build.log should name the database'
// first invocation: live check tried, judged on the static rules
assert log.contains('live: not reachable, judged on name and host only (could not connect to localhost:1: connection refused') : 'build.log should say the database was not reachable'
// second invocation: no live check at all
assert log.contains('(offline: no live checks)') : 'build.log should say the check ran offline'
assert new File(basedir, 'target/testguard/report.json').text.contains('"offline" : true') || new File(basedir, 'target/testguard/report.json').text.contains('"offline":true')
true
