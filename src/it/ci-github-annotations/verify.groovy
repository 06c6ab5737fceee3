import static dev.testguard.it.ItChecks.*

refused(basedir, 'orders_dev')
def log = log(basedir)
// the workflow command stands alone at the start of its line, without Maven's [ERROR] prefix
def annotations = log.readLines().findAll { it.startsWith('::error ') }
assert annotations.size() == 1 : "expected one ::error line:\n${annotations.join('\n')}"
assert annotations[0].startsWith('::error file=pom.xml,line=30,title=testguard%3A not a test database::testguard: jdbc:postgresql://localhost:5432/orders_dev is PROTECTED (rule name)')
contains(log, 'testguard: CI detected, JUnit report target/testguard/TEST-testguard.xml')

def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/testguard/TEST-testguard.xml'))
assert xml.name() == 'testsuite'
assert xml.@tests == '2'
assert xml.@failures == '1'
def failed = xml.testcase.findAll { it.failure.size() > 0 }
assert failed.size() == 1
assert failed[0].@name.text().startsWith('jdbc:postgresql://localhost:5432/orders_dev [pom.xml:30')
assert failed[0].failure.@type == 'PROTECTED:name'
assert xml.testcase.find { it.@name.text().contains('audit_test') }.failure.size() == 0
true
