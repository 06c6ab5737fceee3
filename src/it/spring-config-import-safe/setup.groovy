import dev.testguard.it.ItDatabase

// a throwaway *_test database; the test resources' test-db.properties (imported by the main application.properties) names it
def db = ItDatabase.createPostgres(basedir, 'database.txt', 'orders_test', 5)
def dir = new File(basedir, 'src/test/resources')
dir.mkdirs()
new File(dir, 'test-db.properties').text =
        "spring.datasource.url=jdbc:postgresql://localhost:5432/${db.name()}\nspring.datasource.username=postgres\n"
true
