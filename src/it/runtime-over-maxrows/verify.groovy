import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def pg = ItDatabase.postgres(basedir, 'database.txt')
def maria = ItDatabase.mariadb(basedir, 'mariadb-database.txt')
try {
    pg.assertIntact()
    maria.assertIntact()
    refusedAtRuntime(basedir, pg.name(), maria.name(), 'LedgerCleanupTest')
} finally {
    pg.drop()
    maria.drop()
}
true
