import groovy.json.JsonSlurper
import static dev.testguard.it.ItChecks.*

def log = log(basedir)
contains(log, 'BUILD SUCCESS', 'Tests run: 1, Failures: 0',
        'from environment variable DATABASE_URL', 'from environment variable BILLING_DB_URL',
        'testguard: CI detected, JUnit report target/testguard/TEST-testguard.xml',
        'testguard: runtime guard armed for every test JVM')
assert !log.contains('password=app') : 'a password was printed'
def report = new JsonSlurper().parse(new File(basedir, 'target/testguard/report.json'))
def byKey = report.urls.collectEntries { [(it.key): it.classification] }
assert byKey.DATABASE_URL == 'TEST' : report.urls
assert byKey.BILLING_DB_URL == 'TEST' : report.urls
assert new File(basedir, 'target/testguard/TEST-testguard.xml').isFile()
true
