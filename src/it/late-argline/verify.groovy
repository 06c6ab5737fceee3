import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://localhost/payments_prod', '<argLine>', 'prod')
true
