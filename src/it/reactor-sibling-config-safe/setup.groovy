import dev.testguard.it.ItDatabase

def db = ItDatabase.createPostgres(basedir, 'database.txt', 'catalog_test', 5)
def file = new File(basedir, 'db-config/src/main/resources/application-db.yml')
file.parentFile.mkdirs()
file.text = """spring:
  datasource:
    url: jdbc:postgresql://localhost:5432/${db.name()}
    username: postgres
"""
true
