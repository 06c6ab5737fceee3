import dev.testguard.it.ItChecks
import dev.testguard.it.ItDatabase

def db = ItDatabase.mariadb(basedir, 'db.txt')
def name = db.name()
def prefix = new File(basedir, 'prefix.txt').text.trim()
def ofThisRun = "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '${prefix}%'"
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("testguard:provision created 2 test database(s) from the baseline of ${name} (0 ready spare copies)") :
            'the first build should copy: the pool was empty'
    assert log.count("testguard: spare copies of the baseline of ${name} ready for the next provision: 2 made") == 2 :
            'each build should await (and log) the set of spares it prepared'
    def claimed = log =~ /testguard:provision created 2 test database\(s\) from the baseline of \S+ \(2 ready spare copies\) in \d+ ms: jdbc:mariadb:\/\/localhost:3306\/(\S+)_\$\{surefire\.forkNumber\}/
    assert claimed.find() : 'the second build should claim the set whole'
    def set = claimed.group(1)
    assert set ==~ /${prefix}\d{14}_[0-9a-f]{6}_test/ : "a set named as provision names databases, not ${set}"
    assert log.contains("testguard:release dropped 2 test database(s): ${set}_1, ${set}_2") : 'release should drop the claimed set'
    assert log.contains("testguard:release dropped 2 spare copies of ${name}") : 'dropSpares did not drop the ready set'
    assert !log.contains('could not prepare spare copies')
    assert ItChecks.mariadb(ofThisRun).trim().isEmpty() : 'databases of this run left behind'
    assert new File(basedir, 'target/testguard/provisioned.json').text.trim() == '[ ]'
} finally {
    db.drop()
    ItChecks.mariadb("DROP DATABASE IF EXISTS `${name}__tgbase`")
    ItChecks.mariadb(ofThisRun).readLines().findAll { it.trim() }.each { ItChecks.mariadb("DROP DATABASE IF EXISTS `${it.trim()}`") }
}
true
