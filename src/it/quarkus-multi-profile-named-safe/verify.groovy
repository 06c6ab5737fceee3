import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.mariadb(basedir, 'database.txt')
try {
    db.assertIntact()
    passed(basedir, 'jdbc:mariadb://localhost:3306/' + db.name(), 'quarkus.datasource.users.jdbc.url', 'reachable, unstamped')
} finally {
    db.drop()
}
true
