import groovy.json.JsonSlurper

def props = new Properties()
new File(basedir, 'test.properties').withInputStream { props.load(it) }
def db = props.getProperty('it.db')
def secret = props.getProperty('testguard.password')
def query = { String sql ->
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', db, '-Atc', sql].execute()
    def out = p.text.trim(); p.waitFor(); out
}
try {
    def log = new File(basedir, 'build.log').text
    // backup and backups
    assert log.contains("backing up jdbc:postgresql://localhost:5432/${db}: named by -Dtestguard.url")
    assert log =~ /(?m)^\[INFO\] id\s+database\s+engine\s+time\s+size\s+verified$/
    assert log =~ /(?m)^\[INFO\] \S+\s+${db}\s+pg_dump\s+/
    // verify-backup
    assert log =~ /backup \S+ verified: 3 tables restored, row counts match; 3 of 3 tables checksum-verified/
    // the careless test ran
    assert new File(basedir, 'target/surefire-reports/TEST-it.WipeTest.xml').isFile()
    // restore refused without confirmation, with the way forward
    assert log.contains("restore overwrites database '${db}'")
    assert log.contains("-Dtestguard.confirm=${db}")
    // restore with confirmation: restored into a new database, verified, swapped in; the old one kept whole, renamed
    assert log.contains("'${db}' stays as it is until the restore is verified")
    def safetyDb = query("SELECT string_agg(datname, ',') FROM pg_database WHERE datname LIKE '${db}\\_tgsafe\\_%'")
    assert safetyDb ==~ /${db}_tgsafe_[0-9a-z]+/ : safetyDb
    assert log =~ /restored \S+ into '${db}'; its previous state is database '${safetyDb}'/
    assert query('SELECT count(*) FROM orders') == '500'
    assert query('SELECT count(*) FROM notes') == '3'
    assert query('SELECT sum(amount) FROM orders') == '156562.50'

    def store = new File(basedir, '../../it-backups/backup-restore-postgres')
    def manifests = store.listFiles().findAll { new File(it, 'manifest.json').isFile() }
            .collect { new JsonSlurper().parse(new File(it, 'manifest.json')) }
            .findAll { it.database.name == db }
    def regular = manifests.findAll { it.purpose == 'backup' }
    def safety = manifests.findAll { it.purpose == 'safety' }
    assert regular.size() == 1 && safety.isEmpty() : manifests
    assert regular[0].verification.result == 'PASSED'
    assert regular[0].rowCounts == ['public.customers': 50, 'public.notes': 3, 'public.orders': 500]
    assert regular[0].checksums.keySet() == ['public.customers', 'public.notes', 'public.orders'] as Set
    assert regular[0].checksums.values().every { it ==~ /pg-hashsum:[0-9]+:-?[0-9]+/ }
    // the safety copy holds the state before the restore (what the careless test left)
    def inSafety = { String sql -> def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', safetyDb, '-Atc', sql].execute(); def out = p.text.trim(); p.waitFor(); out }
    assert inSafety('SELECT count(*) FROM customers') == '50'
    assert inSafety('SELECT count(*) FROM orders') == '10'
    assert inSafety("SELECT to_regclass('public.notes')") == ''

    // the password never shows: not in the log, not in a manifest
    assert !log.contains(secret)
    store.eachFileRecurse { f -> if (f.name == 'manifest.json') assert !f.text.contains(secret) }
} finally {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-Atc',
             "SELECT datname FROM pg_database WHERE datname = '${db}' OR datname LIKE '${db}\\_tgsafe\\_%'"].execute()
    def dbs = p.text.readLines().findAll { it }; p.waitFor()
    dbs.each { ['psql', '-h', 'localhost', '-U', 'postgres', '-qc', "DROP DATABASE IF EXISTS ${it} WITH (FORCE)"].execute().waitFor() }
}
true
