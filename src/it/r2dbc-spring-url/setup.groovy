import dev.testguard.it.ItDatabase

// a real database with rows; the configuration naming it is written here because its name is unique to the run
def db = ItDatabase.createPostgres(basedir, 'database.txt', 'shop', 5)
def file = new File(basedir, 'src/test/resources/application.properties')
file.parentFile.mkdirs()
file.text = """spring.r2dbc.url=r2dbc:pool:postgresql://localhost:5432/${db.name()}?maxSize=2\nspring.r2dbc.username=postgres\n"""
true
