import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

// build.log holds both invocations: the reactor built sequentially, then with -T 2
def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    def log = log(basedir)
    check(log.contains('-T 2') || log.contains('using 2 threads') || log.contains('with a thread count of 2'), 'the last build was not run with -T 2')
    def app = new File(basedir, 'app')
    check(new File(app, 'target/test-ran.marker').exists(), 'the safe test did not run')
    check(!log.contains('testguard stopped the build'), 'testguard stopped a safe build')
    check(log.contains('BUILD SUCCESS'), 'the -T 2 build did not succeed')
    contains(log, 'jdbc:postgresql://localhost:5432/' + db.name(), 'db-config-1.0.jar!/application-db.yml:3', 'reachable, unstamped')
} finally {
    db.drop()
}
true
