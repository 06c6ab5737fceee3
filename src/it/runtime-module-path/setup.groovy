import dev.testguard.it.ItDatabase

// the developer's own database, with data: the test reads its name from database.txt and builds the URL in code
ItDatabase.createPostgres(basedir, 'database.txt', 'shop_dev', 5)
true
