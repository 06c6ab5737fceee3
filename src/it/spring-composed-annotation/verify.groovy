import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refused(basedir, "jdbc:postgresql://localhost:5432/${db.name()}", 'src/test/java/it/DevDatabase.java:14',
            'for test class OrdersRepositoryTest (src/test/java/it/OrdersRepositoryTest.java:7)',
            'in @TestPropertySource(properties) of @DevDatabase on AbstractRepositoryTest')
} finally {
    db.drop()
}
true
