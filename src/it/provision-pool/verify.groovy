import dev.testguard.it.ItChecks
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'db.txt')
def name = db.name()
def count = { String sql -> ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-tAc', sql].execute().text.trim() }
def spares = "SELECT count(*) FROM pg_database WHERE datname IN ('${name}__tgspare_1', '${name}__tgspare_2')"
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("testguard:provision created 2 test database(s) from the baseline of ${name} (0 ready spare copies)") :
            'the first build should copy: the pool was empty'
    assert log.contains("testguard: spare copies of the baseline of ${name} ready for the next provision: 2 made") :
            'the build did not await (and log) the spares it prepared'
    assert log.contains("testguard:provision created 2 test database(s) from the baseline of ${name} (2 ready spare copies)") :
            'the second build should rename the two spares'
    assert log.count('testguard:release dropped 2 test database(s)') == 2
    assert log.contains("testguard:release dropped 2 spare copies of ${name}") : 'dropSpares did not drop the pool'
    assert !log.contains('could not prepare spare copies')
    assert count(spares) == '0' : 'spares left behind'
    assert new File(basedir, 'target/testguard/provisioned.json').text.trim() == '[ ]'
} finally {
    db.drop()
    ItChecks.psql('postgres', "DROP DATABASE IF EXISTS ${name}__tgbase WITH (FORCE)")
    ItChecks.psql('postgres', "DROP DATABASE IF EXISTS ${name}__tgspare WITH (FORCE)")
    ItChecks.psql('postgres', "DROP DATABASE IF EXISTS ${name}__tgspare_1 WITH (FORCE)")
    ItChecks.psql('postgres', "DROP DATABASE IF EXISTS ${name}__tgspare_2 WITH (FORCE)")
}
true
