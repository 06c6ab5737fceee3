import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    passed(basedir, 'jdbc:postgresql://localhost:5432/' + db.name(), 'spring.r2dbc.url', 'reachable, unstamped')
} finally {
    db.drop()
}
true
