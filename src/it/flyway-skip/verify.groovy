import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    passed(basedir)
    def log = log(basedir)
    assert !log.contains('Successfully applied') : 'Flyway ran although -Dflyway.skip=true'
    assert psql(db.name(), "SELECT count(*) FROM pg_tables WHERE tablename IN ('cities', 'flyway_schema_history')") == '0'
    def report = new File(basedir, 'target/testguard/report.json').text
    assert !report.contains(db.name()) : 'a skipped Flyway execution was reported as using the database: ' + report
    assert !log.contains(db.name()) : 'a skipped Flyway execution was reported as using the database'
} finally {
    db.drop()
}
true
