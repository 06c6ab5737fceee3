import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://localhost:5432/catalog_staging', 'src/test/resources/application.yml:10')
true
