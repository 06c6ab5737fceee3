import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-Atc',
         "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = 'tg_it_stamp_goal'"].execute()
p.waitFor()
def comment = p.text.trim()
['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-qc', 'DROP DATABASE IF EXISTS tg_it_stamp_goal'].execute().waitFor()

assert log.contains('Stamped jdbc:postgresql://localhost:5432/tg_it_stamp_goal') : 'no stamp line in build.log'
assert comment.startsWith('orders of the shop\ntestguard:{') : 'unexpected database comment: ' + comment
def stamp = new JsonSlurper().parseText(comment.substring(comment.indexOf('testguard:') + 'testguard:'.length()))
assert stamp.role == 'protected' : comment
assert stamp.project == 'dev.testguard.it:stamp-goal' : comment
assert stamp.stampedBy == System.getProperty('user.name') + '@' + InetAddress.localHost.hostName : comment
assert java.time.Instant.parse(stamp.stampedAt).isAfter(java.time.Instant.now().minusSeconds(600)) : comment
true
