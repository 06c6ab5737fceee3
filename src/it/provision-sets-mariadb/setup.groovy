import dev.testguard.it.ItDatabase

// the database whose baseline the provisioned ones copy (stamped test, 5 rows); its name and a prefix of this run only
def db = ItDatabase.createMariadb(basedir, 'db.txt', 'sets_src_test', 5).stamp('test')
def prefix = 'tgsets' + db.name().replaceAll('[^0-9]', '') + '_'
def mvn = new File(basedir, '.mvn')
mvn.mkdirs()
new File(mvn, 'maven.config').text = "-Dtestguard.url=jdbc:mariadb://localhost:3306/${db.name()}?user=root\n" +
        "-Dtestguard.baselineDatabase=${db.name()}\n-Dtestguard.prefix=${prefix}\n"
new File(basedir, 'prefix.txt').text = prefix
true
