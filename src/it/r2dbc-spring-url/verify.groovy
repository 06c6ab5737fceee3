import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refused(basedir, 'jdbc:postgresql://localhost:5432/' + db.name(), 'src/test/resources/application.properties:1', 'spring.r2dbc.url', 'holds no test token')
} finally {
    db.drop()
}
true
