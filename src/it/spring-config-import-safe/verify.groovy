import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    passed(basedir, "jdbc:postgresql://localhost:5432/${db.name()}", 'src/test/resources/test-db.properties:1')
    def report = new File(basedir, 'target/testguard/report.json').text
    assert !report.contains('orders_dev') : 'the importing file\'s URL was reported although the import overrides it'
} finally {
    db.drop()
}
true
