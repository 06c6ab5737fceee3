import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refused(basedir, 'jdbc:postgresql://localhost:5432/' + db.name(), 'db/flyway-local.conf:2', 'flyway-maven-plugin', 'migrate-db')
    assert !log(basedir).contains('Successfully applied') : 'Flyway ran although testguard had to stop the build first'
} finally {
    db.drop()
}
true
