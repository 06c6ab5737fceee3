import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refusedAtRuntime(basedir, db.name(), 'ShopCleanupTest')
    // the test ran in the named module (Surefire's module path fork), in a JVM armed as -agentlib:instrument
    def module = new File(basedir, 'target/test-module.txt').text
    check(module == 'shop', "the test ran in module '" + module + "', not on the module path in module 'shop'")
    check(log(basedir).contains('-agentlib:instrument='), 'the agent was not armed as -agentlib:instrument')
    neverShows(basedir, 'Sh0p-s3cret')
} finally {
    db.drop()
}
true
