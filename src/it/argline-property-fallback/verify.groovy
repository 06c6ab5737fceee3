import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://localhost/ledger', 'property argLine')
true
