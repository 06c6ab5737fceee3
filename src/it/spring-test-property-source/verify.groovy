import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refused(basedir, "jdbc:postgresql://localhost:5432/${db.name()}", 'src/test/java/it/OrdersRepositoryTest.java:10',
            'for test class OrdersRepositoryTest (src/test/java/it/OrdersRepositoryTest.java:12)',
            'change spring.datasource.url in @TestPropertySource(properties) of OrdersRepositoryTest')
    def report = new File(basedir, 'target/testguard/report.json').text
    assert report.contains('"testClasses" : [ "OrdersRepositoryTest (src/test/java/it/OrdersRepositoryTest.java:12)" ]') : report
} finally {
    db.drop()
}
true
