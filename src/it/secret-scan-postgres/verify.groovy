import static dev.testguard.it.ItChecks.*
import static dev.testguard.it.SecretScan.*

def props = new Properties()
new File(basedir, 'userinfo.properties').withInputStream { props.load(it) }
def role = props.getProperty('it.role')
def db = props.getProperty('it.db')
def dev = props.getProperty('it.dev')
def store = new File(basedir, '../../it-backups/secret-scan-postgres')
try {
    def log = log(basedir)
    // every goal really ran, logged in as the role
    contains(log, 'verified: 1 tables restored', "into '${db}_copy'", "Stamped jdbc:postgresql://localhost:5432/${db}",
            '[DEBUG] Configuring mojo', 'testguard:provision created 1 test database(s)', 'testguard:release dropped 1 test database(s)',
            REFUSED_AT_RUNTIME, dev, REFUSED)
    check(new File(basedir, 'target/provisioned-user.txt').text == role, 'the provisioned test did not log in as the role')
    check(new File(basedir, 'target/test-ran.marker').readLines().size() == 3, 'the guard did not refuse the three connections')
    // the command-line verify of invocation 10 is execution default-cli: JUnitReport names its file after it
    check(new File(basedir, 'target/testguard/TEST-testguard-default-cli.xml').isFile(), 'no TEST-testguard-default-cli.xml in CI')
    check(store.listFiles().any { new File(it, 'manifest.json').isFile() }, 'no manifest')
    assertNoLeak(basedir, PASSWORD, store)
    println "scanned for ${needles(PASSWORD).size()} pieces of the password: build.log and ${scanned(basedir, store).size()} files"
} finally {
    psql('postgres', "DROP DATABASE IF EXISTS ${db}")
    psql('postgres', "DROP DATABASE IF EXISTS ${db}_copy")
    psql('postgres', "DROP DATABASE IF EXISTS ${dev}")
    psql('postgres', "SELECT 'DROP DATABASE ' || quote_ident(datname) FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = '${role}')")
            .readLines().findAll { it }.each { psql('postgres', it) }
    psql('postgres', "DROP ROLE IF EXISTS ${role}")
}
true
