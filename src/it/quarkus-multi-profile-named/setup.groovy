import dev.testguard.it.ItDatabase

// a real database with rows; the configuration naming it is written here because its name is unique to the run
def db = ItDatabase.createMariadb(basedir, 'database.txt', 'users', 5)
def file = new File(basedir, 'src/main/resources/application.properties')
file.parentFile.mkdirs()
file.text = """quarkus.datasource."users".db-kind=mariadb\n%dev,test.quarkus.datasource."users".jdbc.url=jdbc:mariadb://localhost:3306/${db.name()}\n%dev,test.quarkus.datasource."users".username=root\n"""
true
