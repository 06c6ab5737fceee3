import static dev.testguard.it.ItChecks.*
import groovy.json.JsonSlurper

// both executions ran and each kept its own JUnit report in target/testguard
def log = log(basedir)
contains(log, 'testguard: CI detected, JUnit report target/testguard/TEST-testguard.xml',
        'testguard: CI detected, JUnit report target/testguard/TEST-testguard-pre-it.xml')
def parse = { name -> new groovy.xml.XmlSlurper().parse(new File(basedir, "target/testguard/${name}")) }
def first = parse('TEST-testguard.xml')
assert first.@name == 'testguard'
// the default execution checked Surefire and Failsafe
assert first.testcase.collect { it.@name.text() }.any { it.contains('orders_test') }
assert first.testcase.collect { it.@name.text() }.any { it.contains('warehouse_test') }
def second = parse('TEST-testguard-pre-it.xml')
assert second.@name == 'testguard-pre-it'
// the re-check at pre-integration-test checked Failsafe alone
def names = second.testcase.collect { it.@name.text() }
assert names.any { it.contains('warehouse_test') } && !names.any { it.contains('orders_test') } : names
assert second.testcase.every { it.@classname.text().endsWith('.pre-it') }

// and each kept its own JSON report: report.json stays the default execution's, the re-check writes report-pre-it.json
contains(log, 'testguard: report target/testguard/report-pre-it.json (execution pre-it; report.json holds the module\'s first verify execution, default)')
def json = { name ->
    def file = new File(basedir, "target/testguard/${name}")
    assert file.isFile() : "${name} is missing"
    new JsonSlurper().parse(file)
}
def firstJson = json('report.json')
assert firstJson.phase == 'process-test-resources' : firstJson.phase
def firstUrls = firstJson.urls.collect { it.url }
assert firstUrls.any { it.contains('orders_test') } && firstUrls.any { it.contains('warehouse_test') } : firstUrls
def secondJson = json('report-pre-it.json')
assert secondJson.phase == 'pre-integration-test' : secondJson.phase
def secondUrls = secondJson.urls.collect { it.url }
assert secondUrls.any { it.contains('warehouse_test') } && !secondUrls.any { it.contains('orders_test') } : secondUrls
// no temporary file left behind by the atomic writes
assert new File(basedir, 'target/testguard').list().findAll { it.endsWith('.tmp') }.isEmpty()
true
