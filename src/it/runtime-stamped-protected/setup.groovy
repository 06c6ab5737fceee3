import dev.testguard.it.ItDatabase

// named like test databases, but someone stamped them protected (testguard:stamp -Dtestguard.role=protected)
ItDatabase.createPostgres(basedir, 'database.txt', 'ledger_test', 5).stamp('protected')
ItDatabase.createMariadb(basedir, 'mariadb-database.txt', 'ledger_test', 5).stamp('protected')
true
