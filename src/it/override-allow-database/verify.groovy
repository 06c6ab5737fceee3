import static dev.testguard.it.ItChecks.*

passed(basedir, 'OVERRIDE', 'db.test.example.com:5432/app_test')

assert new File(basedir, 'target/testguard/report.json').text.contains('"overrides" : [ "host (allowed by db.test.example.com:5432/app_test)" ]')
true
