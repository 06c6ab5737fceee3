import dev.testguard.it.ItDatabase

// a real database with rows; the configuration naming it is written here because its name is unique to the run
def db = ItDatabase.createMariadb(basedir, 'database.txt', 'users_test', 5)
def file = new File(basedir, 'src/main/resources/application.yaml')
file.parentFile.mkdirs()
file.text = """quarkus:\n  datasource:\n    "users":\n      db-kind: mariadb\n"%test,ci":\n  quarkus:\n    datasource:\n      "users":\n        jdbc:\n          url: jdbc:mariadb://localhost:3306/${db.name()}\n        username: root\n"""
true
