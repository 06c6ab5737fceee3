import static dev.testguard.it.ItChecks.*

refused(basedir, 'jdbc:postgresql://localhost:5432/quarkus_app', 'src/main/resources/application.properties:2')

assert !log(basedir).contains('prod-db') : '%prod. keys must be ignored for tests'
true
