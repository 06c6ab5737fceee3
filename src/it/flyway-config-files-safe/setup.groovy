import dev.testguard.it.ItDatabase

def db = ItDatabase.createPostgres(basedir, 'database.txt', 'orders_test', 5)
def file = new File(basedir, 'db/flyway.toml')
file.parentFile.mkdirs()
file.text = """[environments.default]\nurl = \"jdbc:postgresql://localhost:5432/${db.name()}\"\nuser = \"postgres\"\n"""
true
