import static dev.testguard.it.ItChecks.mariadb

def props = new Properties()
new File(basedir, 'cli.properties').withInputStream { props.load(it) }
def db = props.getProperty('it.db')
def user = props.getProperty('it.user')
def secret = props.getProperty('testguard.password')
try {
    def log = new File(basedir, 'build.log').text
    // -X really printed the mojo's parameters, so a password parameter would have been printed too
    assert log.contains('[DEBUG] Configuring mojo') && log.contains('(f) username = ' + user) : 'not a -X log'
    // both runs logged in as the user, who has no access without the password: the password was used
    assert log.count('Stamped jdbc:mariadb://localhost:3306/' + db) == 2 : 'a stamp run did not log in'
    assert mariadb("SELECT role FROM ${db}.testguard_stamp") == 'protected' : 'the TESTGUARD_PASSWORD run did not stamp'
    assert !log.contains(secret) : 'the password is in build.log'
    assert !log.contains('(f) password')
} finally {
    mariadb("DROP DATABASE IF EXISTS ${db}; DROP USER IF EXISTS '${user}'@'localhost'; DROP USER IF EXISTS '${user}'@'127.0.0.1'")
}
true
