import dev.testguard.it.ItDatabase

// the developer's MariaDB petclinic database, with data; application-mysql.properties names it (unique per run)
def db = ItDatabase.createMariadb(basedir, 'database.txt', 'petclinic', 25)
new File(basedir, 'src/main/resources/application-mysql.properties').text = "# database init, supports mysql too\n" +
        "database=mysql\nspring.datasource.url=\${MYSQL_URL:jdbc:mysql://localhost:3306/${db.name()}}\n" +
        "spring.datasource.username=\${MYSQL_USER:root}\n"
true
