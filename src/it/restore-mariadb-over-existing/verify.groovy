import static dev.testguard.it.ItChecks.mariadb

def fx = dev.testguard.it.RestoreFixture.load(basedir)
def dst = fx.dst
def log = fx.log()
try {
    def safety = fx.safetySchemas()
    assert safety ==~ /${dst}_tgsafe_[0-9a-z]+/ : "one safety schema, found: ${safety}"
    assert log =~ /moved the 3 tables of '${dst}' into the safety schema '${safety}'; restoring \S+/
    assert log =~ /restored \S+ into '${dst}'; its previous state is schema '${safety}'/
    def verified = (log =~ /row counts match the manifest; (\d+) of (\d+) tables content-checksum-verified/)
    assert verified.find() : 'no checksum line in the log'
    assert verified.group(2) as int > 0 && verified.group(1) == verified.group(2) : "not every table checksum-verified: ${verified.group(0)}"
    // keepSafetyCopies (default 1): this restore's copy kept, then what is left, its size and how to drop it by hand
    assert log.contains("safety copy kept: '${safety}' (") && log.contains('(made by this restore)')
    assert log =~ /safety copies of '${dst}' now: 1, taking [0-9.]+ (B|KB|MB)/
    assert log.contains("    DROP DATABASE `${safety}`;")
    // the target's data is now the backup's; its protected stamp and the user's grants are as before
    fx.targetHoldsWhat('src')
    assert fx.fingerprint(dst, 'orders').startsWith('500:')
    assert fx.identity() == fx.before.getProperty('dst.identity')
    assert fx.identity().contains('stamp=protected/2026-01-01T00:00:00Z/ops@prod')
    assert fx.identity().contains("GRANT DELETE ON `${dst}`.`orders`")
    // the previous tables are whole in the safety schema
    ['customers', 'orders'].each { t -> assert fx.fingerprint(safety, t) == fx.before.getProperty("dst.${t}") }
    // the source is untouched
    ['customers', 'orders'].each { t -> assert fx.fingerprint(fx.src, t) == fx.before.getProperty("src.${t}") }
} finally {
    fx.dropAll()
}
true
