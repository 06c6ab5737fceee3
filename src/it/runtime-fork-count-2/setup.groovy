import dev.testguard.it.ItDatabase

// the developer's own databases, with data: the tests read their names from files and build the URLs in code
ItDatabase.createPostgres(basedir, 'database.txt', 'orders_dev', 5)
ItDatabase.createMariadb(basedir, 'mariadb-database.txt', 'invoices_dev', 5)
true
