def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/test-ran.marker').exists() : 'the safe test did not run'
assert !log.contains('testguard stopped the build')
assert log.contains('EPHEMERAL') : 'build.log should mention ' + 'EPHEMERAL'
assert new File(basedir, 'target/testguard/report.json').isFile()

assert !log.contains('catalog_staging') : 'an inactive profile was reported'
true
