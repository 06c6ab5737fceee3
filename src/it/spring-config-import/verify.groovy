import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refused(basedir, "jdbc:postgresql://localhost:5432/${db.name()}", 'src/main/resources/shared-db.properties:2',
            'imported by spring.config.import at src/test/resources/application.properties:2')
} finally {
    db.drop()
}
true
