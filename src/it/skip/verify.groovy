import static dev.testguard.it.ItChecks.*

contains(log(basedir), 'testguard:verify is SKIPPED')
assert new File(basedir, 'target/test-ran.marker').exists()
assert !new File(basedir, 'target/testguard/report.json').exists()
true
