import static dev.testguard.it.ItChecks.*

// default-test never runs: its production URL is neither refused nor reported as seen
passed(basedir, 'jdbc:h2:mem:unit_test', 'maven-surefire-plugin (unit)')
String log = log(basedir)
assert !log.contains('warehouse_prod') : 'the URL of default-test (phase none) was checked or reported'
assert !new File(basedir, 'target/testguard/report.json').text.contains('warehouse_prod')
true
