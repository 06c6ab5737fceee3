import static dev.testguard.it.ItChecks.*

passed(basedir, 'EPHEMERAL', 'jdbc:h2:mem:testdb', 'jdbc:h2:./target/reportdb')
true
