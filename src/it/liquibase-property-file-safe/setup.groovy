import dev.testguard.it.ItDatabase

def db = ItDatabase.createPostgres(basedir, 'database.txt', 'orders_test', 5)
def file = new File(basedir, 'db/liquibase-test.properties')
file.parentFile.mkdirs() // git keeps no empty directory
file.text = """# the tests' own database
url=jdbc:postgresql://localhost:5432/${db.name()}
username=postgres
changeLogFile=db/changelog.sql
liquibase.analytics.enabled=false
"""
true
