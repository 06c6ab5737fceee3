import dev.testguard.it.ItDatabase

// each module reads its database's name from its own database.txt (Surefire runs in the module's directory)
ItDatabase.createPostgres(basedir, 'orders-safe/database.txt', 'orders_test', 3)
ItDatabase.createPostgres(basedir, 'billing-unsafe/database.txt', 'billing_dev', 5)
true
