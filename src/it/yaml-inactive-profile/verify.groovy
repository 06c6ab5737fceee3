import static dev.testguard.it.ItChecks.*

passed(basedir, 'EPHEMERAL')

assert !log(basedir).contains('catalog_staging') : 'an inactive profile was reported'
true
