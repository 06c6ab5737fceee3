import dev.testguard.it.ItDatabase

def db = ItDatabase.createPostgres(basedir, 'database.txt', 'orders_test', 5)
def file = new File(basedir, 'db/flyway-test.conf')
file.parentFile.mkdirs()
file.text = """# the tests' own database\nflyway.url=jdbc:postgresql://localhost:5432/${db.name()}\nflyway.user=postgres\nflyway.baselineOnMigrate=true\nflyway.baselineVersion=0\n"""
true
