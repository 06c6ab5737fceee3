import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

ItDatabase.checkThenDropBoth(basedir) { pg, maria ->
    pg.assertIntact()
    maria.assertIntact()
    refusedAtRuntime(basedir, pg.name(), maria.name(), 'LedgerCleanupTest')
}
true
