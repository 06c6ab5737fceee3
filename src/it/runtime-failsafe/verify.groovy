import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refusedAtRuntime(basedir, db.name(), 'ShopCleanupIT')
    assert new File(basedir, 'target/surefire-reports/TEST-it.PriceTest.xml').isFile() : 'the unit test did not run under Surefire'
    assert new File(basedir, 'target/failsafe-reports/TEST-it.ShopCleanupIT.xml').isFile() : 'the integration test did not run under Failsafe'
} finally {
    db.drop()
}
true
