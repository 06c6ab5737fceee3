import dev.testguard.it.ItDatabase

// a real database with rows; the configuration naming it is written here because its name is unique to the run
def db = ItDatabase.createPostgres(basedir, 'database.txt', 'inventory_test', 5)
def file = new File(basedir, '.mvn/maven.config')
file.parentFile.mkdirs()
file.text = """-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/${db.name()}\n-Dquarkus.datasource.username=postgres\n"""
true
