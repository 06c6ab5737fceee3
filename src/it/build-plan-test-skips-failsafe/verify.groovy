import static dev.testguard.it.ItChecks.*

// mvn test stops before Failsafe: its production URL is not this build's business
passed(basedir)
String log = log(basedir)
assert !log.contains('warehouse_prod') : 'mvn test checked or reported Failsafe'
assert !new File(basedir, 'target/testguard/report.json').text.contains('warehouse_prod')
assert !new File(basedir, 'target/it-ran.marker').exists()
true
