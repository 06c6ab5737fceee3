import dev.testguard.it.ItDatabase

// neutral names the name rule alone would refuse, stamped test (testguard:stamp -Dtestguard.role=test)
ItDatabase.createPostgres(basedir, 'database.txt', 'inventory', 3).stamp('test')
ItDatabase.createMariadb(basedir, 'mariadb-database.txt', 'inventory', 3).stamp('test')
true
