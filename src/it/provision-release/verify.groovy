def log = new File(basedir, 'build.log').text
assert log.contains('testguard:provision created 2 test database(s)') : 'provision did not run first'
def one = new File(basedir, 'target/db-One.txt')
def two = new File(basedir, 'target/db-Two.txt')
assert one.isFile() && two.isFile() : 'the tests did not write through the provisioned URL'
def dbOne = one.readLines()[0]
def dbTwo = two.readLines()[0]
assert dbOne ==~ /tgit_\d{14}_[0-9a-f]{6}_test_[12]/ : dbOne
assert dbTwo ==~ /tgit_\d{14}_[0-9a-f]{6}_test_[12]/ : dbTwo
assert dbOne != dbTwo : 'two forks should get two databases, both used ' + dbOne
assert !one.readLines()[1].contains('${') : 'Surefire did not replace the fork number'
assert !log.contains('is unresolved') : 'verify warned about an unresolved URL'
assert log.contains('testguard:release dropped 2 test database(s)')
def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-tAc', "SELECT count(*) FROM pg_database WHERE datname IN ('" + dbOne + "', '" + dbTwo + "')"].execute()
p.waitFor()
assert p.text.trim() == '0' : 'release left the databases behind'
assert new File(basedir, 'target/testguard/provisioned.json').text.trim() == '[ ]'
true
