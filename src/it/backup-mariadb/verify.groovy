import static dev.testguard.it.ItChecks.mariadb

import groovy.json.JsonSlurper

def props = new Properties()
new File(basedir, 'test.properties').withInputStream { props.load(it) }
def db = props.getProperty('it.db')
def user = props.getProperty('it.user')
def secret = props.getProperty('testguard.password')
try {
    def log = new File(basedir, 'build.log').text
    assert log =~ /backup \S+ verified: 2 tables restored, row counts match/
    assert log =~ /restored \S+ into '${db}_copy'/
    assert mariadb("SELECT COUNT(*) FROM ${db}_copy.items") == '300'
    assert mariadb("SELECT COUNT(*) FROM ${db}_copy.tags") == '120'
    assert mariadb("SELECT label FROM ${db}_copy.items WHERE id = 7") == 'item 7 é'
    def scratch = (log =~ /restoring into scratch database (tg_verify_[0-9a-f]+)/)[0][1]
    assert mariadb("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${scratch}'") == '0' : 'scratch database left behind'

    def store = new File(basedir, '../../it-backups/backup-mariadb')
    def manifests = store.listFiles().findAll { new File(it, 'manifest.json').isFile() }
            .collect { new JsonSlurper().parse(new File(it, 'manifest.json')) }
    assert manifests.size() == 1 : 'the copy did not exist: no safety backup is taken'
    def m = manifests[0]
    assert m.database.name == db
    assert m.engine == 'mariadb-dump' || m.engine == 'mysqldump' || m.engine == 'jdbc-mysql'
    assert m.verification.result == 'PASSED'
    assert m.rowCounts == [items: 300, tags: 120]
    assert m.checksums.keySet() == ['items', 'tags'] as Set : "content checksums of every table, found: ${m.checksums}"
    assert log =~ /2 of 2 tables checksum-verified/

    assert !log.contains(secret)
    store.eachFileRecurse { f -> if (f.name == 'manifest.json') assert !f.text.contains(secret) }
} finally {
    mariadb("DROP DATABASE IF EXISTS ${db}; DROP DATABASE IF EXISTS ${db}_copy; DROP USER IF EXISTS '${user}'@'localhost';"
            + " DROP USER IF EXISTS '${user}'@'127.0.0.1'")
}
true
