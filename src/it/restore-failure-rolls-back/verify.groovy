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
    // the message says what happened, that the original is back, and where the safety backup is
    assert log =~ /restore of backup \S+ into '${dst}' \(jdbc:postgresql:\/\/localhost:5432\/${dst}\) failed while restoring in place: pg_restore into/
    assert log.contains('file_fdw')
    assert log =~ /The original schemas \[public\] were put back: '${dst}' holds what it held before\. Its state is also in safety backup \S+\./
    // exactly as before: same database, owner, grants, stamp, table owners, rows and content
    assert postgresIdentity(dst) == before.getProperty('dst.identity')
    ['customers', 'orders'].each { t -> assert postgresFingerprint(dst, t) == before.getProperty("dst.${t}") }
    assert psql(dst, "SELECT string_agg(nspname, ',') FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'") == 'public'
    assert safetyDbs() == ''
} finally {
    def leftovers = psql('postgres', "SELECT coalesce(string_agg(datname, ' '), '') FROM pg_database WHERE datname LIKE '${dst}\\_tg%'")
    (leftovers.split(' ').findAll { it } + [src, dst]).each { psql('postgres', "DROP DATABASE IF EXISTS ${it} WITH (FORCE)") }
    psql('postgres', "DROP ROLE IF EXISTS ${owner}")
}
true
