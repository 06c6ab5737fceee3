import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refusedBeforeTests(basedir, 'in-process-tests', 'forkCount')
} finally {
    db.drop()
}
true
