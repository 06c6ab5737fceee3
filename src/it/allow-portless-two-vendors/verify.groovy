import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def pg = ItDatabase.postgres(basedir, 'database.txt')
def maria = ItDatabase.mariadb(basedir, 'mariadb-database.txt')
try {
    pg.assertIntact()
    maria.assertIntact()
    refused(basedir, 'names no port', 'mariadb localhost:3306/' + pg.name(), 'postgresql localhost:5432/' + pg.name())
} finally {
    pg.drop()
    maria.drop()
}
true
