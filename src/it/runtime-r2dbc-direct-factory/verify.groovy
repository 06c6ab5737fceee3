import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refusedAtRuntime(basedir, db.name(), 'ShopCleanupTest')
    // the refusal reached the test as create()'s R2DBC error signal
    def reports = new File(basedir, 'target/surefire-reports').listFiles().findAll { it.name.endsWith('.txt') }
    assert reports.any { it.text.contains('R2dbcPermissionDeniedException') }
} finally {
    db.drop()
}
true
