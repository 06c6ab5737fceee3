import static dev.testguard.it.ItChecks.mariadb

def props = new Properties()
new File(basedir, 'test.properties').withInputStream { props.load(it) }
def db = props.getProperty('it.db')
try {
    def log = new File(basedir, 'build.log').text
    def backedUp = log.indexOf("testguard: backed up jdbc:mariadb://localhost:3306/${db} as ")
    def testsRan = log.indexOf('Tests run: 1, Failures: 0, Errors: 0')
    assert backedUp >= 0 && testsRan > backedUp : 'the backup must come before the tests'
    assert new File(basedir, 'target/backup-seen.marker').text == db
} finally {
    mariadb("DROP DATABASE IF EXISTS ${db}")
}
true
