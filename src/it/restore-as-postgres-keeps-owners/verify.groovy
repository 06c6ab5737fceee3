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
    assert log.contains("stays as it is until the restore is verified")
    def safety = safetyDbs()
    assert safety ==~ /${dst}_tgsafe_[0-9a-z]+/ : "one safety copy, found: ${safety}"
    assert log =~ /restored \S+ into '${dst}'; its previous state is database '${safety}'/
    // a new database took the name: same owner, grants, protected stamp and table owners as before (only the oid differs)
    def identity = { String db -> postgresIdentity(db).replaceFirst(/^\d+ /, '') }
    assert identity(dst) == before.getProperty('dst.identity').replaceFirst(/^\d+ /, '')
    assert postgresIdentity(dst).contains("owner=${owner} ")
    assert postgresIdentity(dst).contains("tables=public.customers:${owner},public.orders:${owner}")
    assert postgresIdentity(dst).contains('"role":"protected"')
    ['customers', 'orders'].each { t -> assert postgresFingerprint(dst, t) == before.getProperty("src.${t}") }
    // the old database is whole under its safety name, still stamped protected
    assert postgresIdentity(safety) == before.getProperty('dst.identity')
    ['customers', 'orders'].each { t -> assert postgresFingerprint(safety, t) == before.getProperty("dst.${t}") }
} finally {
    def leftovers = psql('postgres', "SELECT coalesce(string_agg(datname, ' '), '') FROM pg_database WHERE datname LIKE '${dst}\\_tg%'")
    (leftovers.split(' ').findAll { it } + [src, dst]).each { psql('postgres', "DROP DATABASE IF EXISTS ${it} WITH (FORCE)") }
    psql('postgres', "DROP ROLE IF EXISTS ${owner}")
}
true
