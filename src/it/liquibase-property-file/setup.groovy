import dev.testguard.it.ItDatabase

def db = ItDatabase.createPostgres(basedir, 'database.txt', 'orders', 5)
def file = new File(basedir, 'db/liquibase-local.properties')
file.parentFile.mkdirs() // git keeps no empty directory
file.text = """# the developer's local copy of production
url=jdbc:postgresql://localhost:5432/${db.name()}
username=postgres
changeLogFile=db/changelog.sql
liquibase.analytics.enabled=false
"""
true
