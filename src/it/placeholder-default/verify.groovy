import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://localhost:5432/inventory_dev', 'src/test/resources/application.properties:1')
true
