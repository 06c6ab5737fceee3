import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    passed(basedir, 'jdbc:postgresql://localhost:5432/' + db.name(), 'db/liquibase-test.properties:2',
            'liquibase-maven-plugin:4.33.0:update (update-db)')
    assert psql(db.name(), "SELECT count(*) FROM databasechangelog WHERE id = '1' AND author = 'shop'") == '1' :
            'Liquibase did not run its changeset in the test database'
    assert psql(db.name(), "SELECT count(*) FROM pg_tables WHERE tablename = 'cities'") == '1'
} finally {
    db.drop()
}
true
