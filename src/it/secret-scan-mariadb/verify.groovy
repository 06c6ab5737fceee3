import static dev.testguard.it.ItChecks.*
import static dev.testguard.it.SecretScan.*

def props = new Properties()
new File(basedir, 'userinfo.properties').withInputStream { props.load(it) }
def role = props.getProperty('it.role')
def db = props.getProperty('it.db')
def dev = props.getProperty('it.dev')
def token = props.getProperty('it.token')
def store = new File(basedir, '../../it-backups/secret-scan-mariadb')
try {
    def log = log(basedir)
    // every goal really ran, logged in as the user, who has no access without the password
    contains(log, 'verified: 1 tables restored', "into '${db}_copy'", "Stamped jdbc:mariadb://localhost:3306/${db}",
            "Stamped jdbc:mariadb://${role}:****@localhost:3306/${db}", '[DEBUG] Configuring mojo',
            'testguard:provision created 1 test database(s)', 'testguard:release dropped 1 test database(s)',
            REFUSED_AT_RUNTIME, dev, REFUSED)
    check(new File(basedir, 'target/provisioned-user.txt').text.startsWith(role + '@'), 'the provisioned test did not log in as the user')
    def refusals = new File(basedir, 'target/test-ran.marker').readLines()
    check(refusals.size() == 3 && refusals.every { it.startsWith('testguard refused a connection to ') },
            'the guard did not refuse the three connections: ' + refusals)
    check(refusals[2].contains('MariaDB Connector/J cannot read this URL'), 'the user info URL: ' + refusals[2])
    // the command-line verify of invocation 10 is execution default-cli: JUnitReport names its file after it
    check(new File(basedir, 'target/testguard/TEST-testguard-default-cli.xml').isFile(), 'no TEST-testguard-default-cli.xml in CI')
    check(store.listFiles().any { new File(it, 'manifest.json').isFile() }, 'no manifest')
    assertNoLeak(basedir, PASSWORD, store)
    println "scanned for ${needles(PASSWORD).size()} pieces of the password: build.log and ${scanned(basedir, store).size()} files"
} finally {
    def leftovers = mariadb("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'tgsm${token}\\_%'").readLines()
    for (name in [db, "${db}_copy", dev] + leftovers.findAll { it }) {
        mariadb("DROP DATABASE IF EXISTS `${name}`")
    }
    mariadb("DROP USER IF EXISTS '${role}'@'localhost'; DROP USER IF EXISTS '${role}'@'127.0.0.1'")
}
true
