import static dev.testguard.it.ItChecks.*

passed(basedir, 'EPHEMERAL', 'jdbc:h2:mem:quarkus_test')

assert !log(basedir).contains('quarkus_dev') && !log(basedir).contains('db.internal') : 'keys shadowed by %test. must not be reported'
true
