import static dev.testguard.it.ItChecks.psql
import static dev.testguard.it.ItChecks.postgresIdentity

def fx = dev.testguard.it.RestoreFixture.load(basedir)
def dst = fx.dst
def log = fx.log()
try {
    assert log.contains("the user may not create databases: restoring in place, inside '${dst}'")
    assert log =~ /restored \S+ into '${dst}'; its previous state is backup \S+/
    assert log =~ /row counts match the manifest; 2 of 2 tables content-checksum-verified/
    // the very same database (same oid), same owner, grants, protected stamp and table owners
    assert postgresIdentity(dst) == fx.before.getProperty('dst.identity')
    assert postgresIdentity(dst).contains("tables=public.customers:${fx.owner},public.orders:${fx.owner}")
    assert postgresIdentity(dst).contains('"role":"protected"')
    // its data is now the backup's
    fx.targetHoldsWhat('src')
    assert fx.fingerprint(dst, 'orders').startsWith('500:')
    // no set-aside schema is left, no new database was made
    assert psql(dst, "SELECT string_agg(nspname, ',') FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'") == 'public'
    assert fx.safetyDatabases() == ''
    // the previous state is kept as a safety backup
    def safety = new File(fx.props.getProperty('testguard.backupDir')).listFiles().findAll { new File(it, 'manifest.json').isFile() }
            .collect { new groovy.json.JsonSlurper().parse(new File(it, 'manifest.json')) }.findAll { it.purpose == 'safety' }
    assert safety.size() == 1 && safety[0].database.name == dst && safety[0].rowCounts == ['public.customers': 5, 'public.orders': 7]
} finally {
    fx.dropAll()
}
true
