import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    passed(basedir, 'jdbc:postgresql://localhost:5432/' + db.name(), '.mvn/maven.config:1', 'reachable, unstamped')
} finally {
    db.drop()
}
true
