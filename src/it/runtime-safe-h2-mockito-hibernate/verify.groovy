import static dev.testguard.it.ItChecks.*

guardedAndPassed(basedir, 'h2:mem:shop')
noJvmWarnings(basedir)
true
