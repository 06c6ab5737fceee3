import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refusedAtRuntime(basedir, db.name(), 'ShopCleanupTest')
    neverShows(basedir, 'Sh0p-s3cret')
} finally {
    db.drop()
}
true
