import dev.testguard.it.ItDatabase

// a test database (stamped test, 5 rows) that both resets of the build act on; its name goes to the build
def db = ItDatabase.createPostgres(basedir, 'db.txt', 'twice_test', 5).stamp('test')
def mvn = new File(basedir, '.mvn')
mvn.mkdirs()
new File(mvn, 'maven.config').text = "-Dtestguard.url=jdbc:postgresql://localhost:5432/${db.name()}?user=postgres\n"
true
