import dev.testguard.it.ItChecks
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'db.txt')
def name = db.name()
def query = { String database, String sql -> ['psql', '-h', 'localhost', '-U', 'postgres', '-d', database, '-tAc', sql].execute().text.trim() }
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains('BUILD SUCCESS')
    def saved = log.indexOf('saved its current state as the baseline')
    def firstCopy = log.indexOf("testguard: prepared the first baseline copy of jdbc:postgresql://localhost:5432/${name}")
    def restored = log.indexOf('restored the baseline saved')
    def nextCopy = log.indexOf("testguard: prepared the next baseline copy of jdbc:postgresql://localhost:5432/${name}")
    assert saved >= 0 : 'the first reset did not save the baseline'
    assert firstCopy > saved : 'the build did not log the first reset\'s background work'
    assert restored > firstCopy : 'the second reset should await the first one\'s work (and log it) before restoring'
    assert nextCopy > restored : 'the end of the build did not await (and log) the second reset\'s background work'
    assert !log.contains('could not prepare')
    assert query(name, "SELECT count(*) FROM ${ItDatabase.TABLE}") == '5'
    assert query('postgres', "SELECT count(*) FROM pg_database WHERE datname = '${name}__tgspare'") == '1' : 'no spare for the next reset'
    assert query('postgres', "SELECT count(*) FROM pg_database WHERE datname = '${name}__tgtrash'") == '0' : 'the replaced database was left behind'
} finally {
    db.drop()
    ItChecks.psql('postgres', "DROP DATABASE IF EXISTS ${name}__tgbase WITH (FORCE)")
    ItChecks.psql('postgres', "DROP DATABASE IF EXISTS ${name}__tgspare WITH (FORCE)")
    ItChecks.psql('postgres', "DROP DATABASE IF EXISTS ${name}__tgtrash WITH (FORCE)")
}
true
