import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.mariadb(basedir, 'database.txt')
try {
    db.assertIntact()
    refused(basedir, "jdbc:mysql://localhost:3306/${db.name()}", 'src/main/resources/application-mysql.properties:3',
            'for test class MySqlIntegrationTests (src/test/java/org/springframework/samples/petclinic/MySqlIntegrationTests.java:12)',
            '(profile mysql from @ActiveProfiles on MySqlIntegrationTests (src/test/java/org/springframework/samples/petclinic/MySqlIntegrationTests.java:11))')
} finally {
    db.drop()
}
true
