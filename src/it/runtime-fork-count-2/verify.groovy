import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

ItDatabase.checkThenDropBoth(basedir) { pg, maria ->
    pg.assertIntact()
    maria.assertIntact()
    refusedAtRuntime(basedir, pg.name(), maria.name(), 'OrdersCleanupTest', 'InvoicesCleanupTest')
    // two test JVMs started, each armed: one record file per fork (<token>-<pid>.jsonl)
    def records = new File(basedir, 'target/testguard/runtime').listFiles({ f -> f.name.endsWith('.jsonl') } as FileFilter)
    assert records != null && records.length >= 2 : 'expected a record file from each of the two forks: ' + records
}
true
