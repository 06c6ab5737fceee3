import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refused(basedir, "jdbc:postgresql://localhost:5432/${db.name()}", 'src/test/java/it/OrdersRepositoryTest.java:11',
            'for test class OrdersRepositoryTest (src/test/java/it/OrdersRepositoryTest.java:13)',
            'built from DbUrls.DEV (src/main/java/it/DbUrls.java:6)')
} finally {
    db.drop()
}
true
