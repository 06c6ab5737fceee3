import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://localhost:5432/crm', 'command line -Dspring.datasource.url')
true
