import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    passed(basedir, 'jdbc:postgresql://localhost:5432/' + db.name(), 'db/flyway-test.conf:2', 'Successfully applied 1 migration')
} finally {
    db.drop()
}
true
