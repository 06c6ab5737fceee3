import dev.testguard.it.ItDatabase

// named like test databases, unstamped, but holding 50 rows each: more than the project's maxRows (20)
ItDatabase.createPostgres(basedir, 'database.txt', 'ledger_test', 50)
ItDatabase.createMariadb(basedir, 'mariadb-database.txt', 'ledger_test', 50)
true
