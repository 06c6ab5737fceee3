import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://localhost:5432/orders_dev', 'source: command line -Dtestguard.url (testguard.url)', "forbidden token 'dev'")
true
