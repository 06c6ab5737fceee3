import static dev.testguard.it.ItChecks.psql
import static dev.testguard.it.ItChecks.postgresIdentity

def fx = dev.testguard.it.RestoreFixture.load(basedir)
def dst = fx.dst
def log = fx.log()
try {
    assert log.contains("the user may not create databases: restoring in place, inside '${dst}'")
    // the message says what happened, that the original is back, and where the safety backup is
    assert log =~ /restore of backup \S+ into '${dst}' \(jdbc:postgresql:\/\/localhost:5432\/${dst}\) failed while restoring in place: pg_restore into/
    assert log.contains('file_fdw')
    assert log =~ /The original schemas \[public\] were put back: '${dst}' holds what it held before\. Its state is also in safety backup \S+\./
    // exactly as before: same database, owner, grants, stamp, table owners, rows and content
    assert postgresIdentity(dst) == fx.before.getProperty('dst.identity')
    fx.targetHoldsWhat('dst')
    assert psql(dst, "SELECT string_agg(nspname, ',') FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'") == 'public'
    assert fx.safetyDatabases() == ''
} finally {
    fx.dropAll()
}
true
