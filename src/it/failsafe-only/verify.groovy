import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://localhost:5432/warehouse_prod', 'maven-failsafe-plugin (default)')

assert !new File(basedir, 'target/it-ran.marker').exists() : 'an integration test ran'
true
