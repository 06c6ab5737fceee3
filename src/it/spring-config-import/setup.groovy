import dev.testguard.it.ItDatabase

// the team's real database, with data; the imported file that names it is written here (its name is unique per run)
def db = ItDatabase.createPostgres(basedir, 'database.txt', 'orders', 25)
def dir = new File(basedir, 'src/main/resources')
dir.mkdirs()
new File(dir, 'shared-db.properties').text = "# the team's shared settings\n" +
        "spring.datasource.url=jdbc:postgresql://localhost:5432/${db.name()}\nspring.datasource.username=postgres\n"
true
