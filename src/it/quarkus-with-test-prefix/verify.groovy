def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/test-ran.marker').exists() : 'the safe test did not run'
assert !log.contains('testguard stopped the build')
assert log.contains('EPHEMERAL') : 'build.log should mention ' + 'EPHEMERAL'
assert log.contains('jdbc:h2:mem:quarkus_test') : 'build.log should mention ' + 'jdbc:h2:mem:quarkus_test'
assert new File(basedir, 'target/testguard/report.json').isFile()

assert !log.contains('quarkus_dev') && !log.contains('db.internal') : 'keys shadowed by %test. must not be reported'
true
