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
    // restore with confirmation: safety backup first, then the data is back
    assert log.contains("taking a safety backup of '${db}' before overwriting it")
    assert log =~ /restored \S+ into '${db}'; its previous state is backup \S+/
    assert query('SELECT count(*) FROM orders') == '500'
    assert query('SELECT count(*) FROM notes') == '3'
    assert query('SELECT sum(amount) FROM orders') == '156562.50'

    def store = new File(basedir, '../../it-backups/backup-restore-postgres')
    def manifests = store.listFiles().findAll { new File(it, 'manifest.json').isFile() }
            .collect { new JsonSlurper().parse(new File(it, 'manifest.json')) }
            .findAll { it.database.name == db }
    def regular = manifests.findAll { it.purpose == 'backup' }
    def safety = manifests.findAll { it.purpose == 'safety' }
    assert regular.size() == 1 && safety.size() == 1 : manifests
    assert regular[0].verification.result == 'PASSED'
    assert regular[0].rowCounts == ['public.customers': 50, 'public.notes': 3, 'public.orders': 500]
    assert regular[0].checksums.keySet() == ['public.customers', 'public.notes', 'public.orders'] as Set
    assert regular[0].checksums.values().every { it ==~ /pg-md5:[0-9a-f]{32}/ }
    assert safety[0].rowCounts == ['public.customers': 50, 'public.orders': 10]
    assert !safety[0].verification

    // the password never shows: not in the log, not in a manifest
    assert !log.contains(secret)
    store.eachFileRecurse { f -> if (f.name == 'manifest.json') assert !f.text.contains(secret) }
} finally {
    ['psql', '-h', 'localhost', '-U', 'postgres', '-qc', "DROP DATABASE IF EXISTS ${db} WITH (FORCE)"].execute().waitFor()
}
true
