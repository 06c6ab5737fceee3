import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase
import groovy.json.JsonSlurper

def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    refusedAtRuntime(basedir, db.name(), 'ShopCleanupTest')
    assert new File(basedir, 'target/test-ran.marker').text.contains('ConnectionFactories.get returned a factory on a non-blocking thread')
    // both refusals reached the tests as create()'s R2DBC error signal
    def reports = new File(basedir, 'target/surefire-reports').listFiles().findAll { it.name.endsWith('.txt') }
    assert reports.any { it.text.contains('Tests run: 2, Failures: 0, Errors: 2') }
    assert reports.any { it.text.contains('R2dbcPermissionDeniedException') }
    // judged on the guard's thread, each refusal is recorded for the test class that called create()
    def records = new File(basedir, 'target/testguard/runtime').listFiles({ f -> f.name.endsWith('.jsonl') } as FileFilter)
    def refused = records.collectMany { it.readLines().findAll { it.trim() }.collect { new JsonSlurper().parseText(it) } }
            .findAll { it.event == 'connection' && it.refused }
    assert refused && refused*.count.max() == 2 : refused // each refusal, then the count at exit
    assert refused.every { it.testClass == 'it.ShopCleanupTest' && it.database.contains(db.name()) } : refused
} finally {
    db.drop()
}
true
