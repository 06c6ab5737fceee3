import dev.testguard.it.ItDatabase

// the database whose baseline the provisioned ones copy (stamped test, 5 rows); its name goes to every build
def db = ItDatabase.createPostgres(basedir, 'db.txt', 'pool_src_test', 5).stamp('test')
def mvn = new File(basedir, '.mvn')
mvn.mkdirs()
new File(mvn, 'maven.config').text = "-Dtestguard.url=jdbc:postgresql://localhost:5432/${db.name()}?user=postgres\n" +
        "-Dtestguard.baselineDatabase=${db.name()}\n"
true
