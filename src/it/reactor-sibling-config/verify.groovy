import static dev.testguard.it.ItChecks.*
import dev.testguard.it.ItDatabase

// build.log holds both invocations: the reactor built sequentially, then with -T 2
def db = ItDatabase.postgres(basedir, 'database.txt')
try {
    db.assertIntact()
    def log = log(basedir)
    check(log.contains('-T 2') || log.contains('using 2 threads') || log.contains('with a thread count of 2'), 'the last build was not run with -T 2')
    def app = new File(basedir, 'app')
    check(!new File(app, 'target/test-ran.marker').exists(), 'a test of app ran although testguard had to stop the build first')
    check(log.contains(REFUSED), 'no testguard refusal in build.log')
    def appSections = log.split('< dev.testguard.it:app >').drop(1)
    check(appSections.size() == 2, 'app was not built twice (reactor, then -T 2)')
    appSections.each { s -> check(!s.substring(0, s.indexOf('BUILD ') > 0 ? s.indexOf('BUILD ') : s.length()).contains('no JDBC URL found'), 'app did not see the sibling module\'s configuration') }
    contains(log, 'jdbc:postgresql://localhost:5432/' + db.name(), 'db-config-1.0.jar!/application-db.yml:3', 'spring.datasource.url')
    check(new File(app, 'target/testguard/report.json').text.contains('"PROTECTED"'), 'app report.json holds no PROTECTED entry')
} finally {
    db.drop()
}
true
