import dev.testguard.it.ItDatabase

// the same database name on PostgreSQL and on MariaDB, as a developer running both servers has it
def pg = ItDatabase.createPostgres(basedir, 'database.txt', 'petclinic', 5)
ItDatabase.createMariadbNamed(basedir, 'mariadb-database.txt', pg.name(), 5)
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('DBNAME', pg.name())
def props = new File(basedir, 'src/test/resources/application.properties')
props.parentFile.mkdirs()
props.text = """spring.datasource.url=jdbc:mariadb://localhost:3306/${pg.name()}
spring.datasource.username=root
app.reporting.url=jdbc:postgresql://localhost/${pg.name()}
app.reporting.username=postgres
"""
true
