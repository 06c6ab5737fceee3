import dev.testguard.it.ItDatabase

// the project's own test databases, 3 rows each: the tests read their names from files and build the URLs in code
ItDatabase.createPostgres(basedir, 'database.txt', 'shop_test', 3)
ItDatabase.createMariadb(basedir, 'mariadb-database.txt', 'shop_test', 3)
true
