import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

ItDatabase.checkThenDropBoth(basedir) { pg, maria ->
    guardedAndPassed(basedir, pg.name(), maria.name())
    pg.assertIntact()
    maria.assertIntact()
}
true
