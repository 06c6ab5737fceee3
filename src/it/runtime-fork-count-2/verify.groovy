import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

def pg = ItDatabase.postgres(basedir, 'database.txt')
def maria = ItDatabase.mariadb(basedir, 'mariadb-database.txt')
try {
    pg.assertIntact()
    maria.assertIntact()
    refusedAtRuntime(basedir, pg.name(), maria.name(), 'OrdersCleanupTest', 'InvoicesCleanupTest')
    // two test JVMs started, each armed: one record file per fork (<token>-<pid>.jsonl)
    def records = new File(basedir, 'target/testguard/runtime').listFiles({ f -> f.name.endsWith('.jsonl') } as FileFilter)
    assert records != null && records.length >= 2 : 'expected a record file from each of the two forks: ' + records
} finally {
    pg.drop()
    maria.drop()
}
true
