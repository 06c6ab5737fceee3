import dev.testguard.it.ItDatabase

def db = ItDatabase.createPostgres(basedir, 'database.txt', 'orders', 5)
def file = new File(basedir, 'db/flyway-local.conf')
file.parentFile.mkdirs()
file.text = """# the developer's local copy of production\nflyway.url=jdbc:postgresql://localhost:5432/${db.name()}\nflyway.user=postgres\n"""
true
