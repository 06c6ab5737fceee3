import groovy.json.JsonSlurper

def props = new Properties()
new File(basedir, 'schedule.properties').withInputStream { props.load(it) }
def db = props.getProperty('it.db')
try {
    def log = new File(basedir, 'build.log').text
    assert log =~ /backup \S+-${db} verified: 2 tables restored, row counts match; 2 of 2 tables checksum-verified/
    assert log =~ /(?m)^\[INFO\] \S+-${db}\s+${db}\s+pg_dump\s+.*passed \d{4}-\d\d-\d\d$/
    def store = new File(props.getProperty('testguard.backupDir'))
    def manifests = store.listFiles().findAll { new File(it, 'manifest.json').isFile() }
            .collect { new JsonSlurper().parse(new File(it, 'manifest.json')) }
    assert manifests.size() == 1 : manifests
    assert manifests[0].database.name == db
    assert manifests[0].purpose == 'backup'
    assert manifests[0].verification.result == 'PASSED'
    assert manifests[0].rowCounts == ['public.customers': 40, 'public.orders': 400]
} finally {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', 'postgres', '-qc', "DROP DATABASE IF EXISTS ${db}"].execute()
    p.waitFor()
}
true
