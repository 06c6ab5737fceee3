import static dev.testguard.it.ItChecks.postgresIdentity

def fx = dev.testguard.it.RestoreFixture.load(basedir)
def dst = fx.dst
def log = fx.log()
try {
    assert log.contains("stays as it is until the restore is verified")
    def safety = fx.safetyDatabases()
    assert safety ==~ /${dst}_tgsafe_[0-9a-z]+/ : "one safety copy, found: ${safety}"
    assert log =~ /restored \S+ into '${dst}'; its previous state is database '${safety}'/
    // a new database took the name: same owner, grants, protected stamp and table owners as before (only the oid differs)
    def identity = { String db -> postgresIdentity(db).replaceFirst(/^\d+ /, '') }
    assert identity(dst) == fx.before.getProperty('dst.identity').replaceFirst(/^\d+ /, '')
    assert postgresIdentity(dst).contains("owner=${fx.owner} ")
    assert postgresIdentity(dst).contains("tables=public.customers:${fx.owner},public.orders:${fx.owner}")
    assert postgresIdentity(dst).contains('"role":"protected"')
    fx.targetHoldsWhat('src')
    // the old database is whole under its safety name, still stamped protected
    assert postgresIdentity(safety) == fx.before.getProperty('dst.identity')
    ['customers', 'orders'].each { t -> assert fx.fingerprint(safety, t) == fx.before.getProperty("dst.${t}") }
} finally {
    fx.dropAll()
}
true
