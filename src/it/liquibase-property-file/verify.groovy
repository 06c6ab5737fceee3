import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refused(basedir, 'jdbc:postgresql://localhost:5432/' + db.name(), 'db/liquibase-local.properties:2',
            'liquibase-maven-plugin', 'update-db')
    assert !log(basedir).contains('liquibase-maven-plugin:4.33.0:update') : 'Liquibase ran although testguard had to stop the build first'
    assert psql(db.name(), "SELECT count(*) FROM pg_tables WHERE lower(tablename) IN ('databasechangelog', 'databasechangeloglock', 'cities')") == '0' :
            'Liquibase created its tables in the real database'
} finally {
    db.drop()
}
true
