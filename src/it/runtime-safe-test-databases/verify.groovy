import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def pg = ItDatabase.postgres(basedir, 'database.txt')
def maria = ItDatabase.mariadb(basedir, 'mariadb-database.txt')
try {
    guardedAndPassed(basedir, pg.name(), maria.name())
    pg.assertIntact()
    maria.assertIntact()
} finally {
    pg.drop()
    maria.drop()
}
true
