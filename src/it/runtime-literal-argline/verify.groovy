import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refusedBeforeTests(basedir, 'literal-argline', '@{argLine}', 'maven-surefire-plugin')
} finally {
    db.drop()
}
true
