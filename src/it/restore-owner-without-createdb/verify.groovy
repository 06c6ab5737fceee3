import static dev.testguard.it.ItChecks.psql
import static dev.testguard.it.ItChecks.postgresFingerprint
import static dev.testguard.it.ItChecks.postgresIdentity

def props = new Properties()
new File(basedir, 'test.properties').withInputStream { props.load(it) }
def before = new Properties()
new File(basedir, 'before.properties').withInputStream { before.load(it) }
def owner = props.getProperty('it.owner')
def src = props.getProperty('it.src')
def dst = props.getProperty('it.dst')
def log = new File(basedir, 'build.log').text
def safetyDbs = { psql('postgres', "SELECT string_agg(datname, ',') FROM pg_database WHERE datname LIKE '${dst}\\_tg%'") }
try {
    assert log.contains("the user may not create databases: restoring in place, inside '${dst}'")
    assert log =~ /restored \S+ into '${dst}'; its previous state is backup \S+/
    assert log =~ /row counts match the manifest; 2 of 2 tables content-checksum-verified/
    // the very same database (same oid), same owner, grants, protected stamp and table owners
    assert postgresIdentity(dst) == before.getProperty('dst.identity')
    assert postgresIdentity(dst).contains("tables=public.customers:${owner},public.orders:${owner}")
    assert postgresIdentity(dst).contains('"role":"protected"')
    // its data is now the backup's
    ['customers', 'orders'].each { t -> assert postgresFingerprint(dst, t) == before.getProperty("src.${t}") }
    assert postgresFingerprint(dst, 'orders').startsWith('500:')
    // no set-aside schema is left, no new database was made
    assert psql(dst, "SELECT string_agg(nspname, ',') FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'") == 'public'
    assert safetyDbs() == ''
    // the previous state is kept as a safety backup
    def safety = new File(props.getProperty('testguard.backupDir')).listFiles().findAll { new File(it, 'manifest.json').isFile() }
            .collect { new groovy.json.JsonSlurper().parse(new File(it, 'manifest.json')) }.findAll { it.purpose == 'safety' }
    assert safety.size() == 1 && safety[0].database.name == dst && safety[0].rowCounts == ['public.customers': 5, 'public.orders': 7]
} finally {
    def leftovers = psql('postgres', "SELECT coalesce(string_agg(datname, ' '), '') FROM pg_database WHERE datname LIKE '${dst}\\_tg%'")
    (leftovers.split(' ').findAll { it } + [src, dst]).each { psql('postgres', "DROP DATABASE IF EXISTS ${it} WITH (FORCE)") }
    psql('postgres', "DROP ROLE IF EXISTS ${owner}")
}
true
