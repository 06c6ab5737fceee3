import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.mariadb(basedir, 'database.txt')
try {
    db.assertIntact()
    refused(basedir, 'jdbc:mariadb://localhost:3306/' + db.name(), 'src/main/resources/application.properties:2', 'quarkus.datasource.users.jdbc.url')
} finally {
    db.drop()
}
true
