import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://localhost:5432/billing', 'environment variable SPRING_DATASOURCE_URL')
true
