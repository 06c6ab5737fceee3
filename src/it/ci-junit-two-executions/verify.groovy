import static dev.testguard.it.ItChecks.*

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
true
