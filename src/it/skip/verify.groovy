def log = new File(basedir, 'build.log').text
assert log.contains('testguard:verify is SKIPPED') : 'skip must be loud'
assert new File(basedir, 'target/test-ran.marker').exists()
assert !new File(basedir, 'target/testguard/report.json').exists()
true
