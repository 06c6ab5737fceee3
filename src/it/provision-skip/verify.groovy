import static dev.testguard.it.ItChecks.*

def log = log(basedir)
contains(log, 'testguard:provision is SKIPPED')
contains(log, 'testguard:provision made no database: testguard.jdbc.url, spring.datasource.url defined as empty')
assert !log.contains('testguard:provision created') : 'a skipped provision made a database'
def urls = new File(basedir, 'target/urls.txt')
assert urls.isFile() : 'the test did not run'
def text = urls.text
assert !text.contains('${') : 'Surefire handed the test a literal property reference: ' + text
assert !new File(basedir, 'target/testguard/provisioned.json').exists()
true
