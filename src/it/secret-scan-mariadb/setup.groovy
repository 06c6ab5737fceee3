import static dev.testguard.it.ItChecks.mariadb
import static dev.testguard.it.SecretScan.*

// a user of this run only, whose password holds every character that breaks a split: it logs in only with it
def token = String.format('%08d', new Random().nextInt(100_000_000))
def role = "tg_sm${token}"
def db = "tg_sm${token}_test"
def dev = "tg_sm${token}_dev"
def store = new File(basedir, '../../it-backups/secret-scan-mariadb')
store.deleteDir()
mariadb("""
CREATE USER '${role}'@'localhost' IDENTIFIED BY ${sqlLiteral(PASSWORD)};
CREATE USER '${role}'@'127.0.0.1' IDENTIFIED BY ${sqlLiteral(PASSWORD)};
GRANT ALL PRIVILEGES ON *.* TO '${role}'@'localhost';
GRANT ALL PRIVILEGES ON *.* TO '${role}'@'127.0.0.1';
CREATE DATABASE ${db};
CREATE DATABASE ${dev};
""")
for (name in [db, dev]) {
    mariadb("USE ${name}; CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(64) NOT NULL);"
            + " INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_25")
}
def userInfo = "jdbc:mariadb://${role}:${userInfoEncoded(PASSWORD)}@localhost:3306"
def common = ['it.role': role, 'it.db': db, 'it.dev': dev, 'it.token': token, 'testguard.backupDir': store.canonicalPath,
              'testguard.connectTimeout': 30000]
def write = { String name, Map props -> writeProperties(basedir, name, common, props) }
def query = "user=${role}&password=${queryEncoded(PASSWORD)}"
write('userinfo.properties', ['testguard.url': "${userInfo}/${db}".toString()])
write('query.properties', ['testguard.url': "jdbc:mariadb://localhost:3306/${db}?${query}".toString()])
write('cli.properties', ['testguard.url': "jdbc:mariadb://localhost:3306/${db}".toString(), 'testguard.username': role,
                         'testguard.password': PASSWORD])
write('server.properties', ['testguard.url': "jdbc:mariadb://localhost:3306/${db}".toString(), 'testguard.serverId': SERVER_ID])
write('restore.properties', ['testguard.url': "jdbc:mariadb://localhost:3306/${db}".toString(), 'testguard.username': role,
                             'testguard.password': PASSWORD, 'testguard.restoreTo': "${db}_copy".toString(),
                             'testguard.confirm': "${db}_copy".toString()])
write('store.properties', [:])
// MariaDB Connector/J, which the tests use, does not percent-decode a URL's password, and this one cannot be written
// raw in a query ('&'): provision logs in through the settings.xml server, the tests with the password
write('provision.properties', ['testguard.prefix': "tgsm${token}_".toString(), 'testguard.serverId': SERVER_ID])
// in the POM, not -D: Surefire hands Maven's user properties to the tests, so verify would judge a -D URL as theirs
fillPom(basedir, ['PROVISION-URL-WRITTEN-BY-SETUP': "jdbc:mariadb://localhost:3306/mysql".toString(),
                  'PROTECTED-URL-WRITTEN-BY-SETUP': "jdbc:mariadb://localhost:3306/${db}".toString()])
write('runtime.properties', ['it.refuse': 'true'])
// refused before any test: the password written raw (its '/' and '@' break the user info) and as a parameter
write('refused.properties', ['testguard.url': "jdbc:mariadb://${role}:${PASSWORD}@localhost:3306/${dev}?trustStorePassword=${queryEncoded(PASSWORD)}".toString(),
                             'testguard.password': PASSWORD])
// the settings.xml route: the IT settings plus a <server> holding the password (XML-escaped)
writeSettings(basedir, role, PASSWORD)
// what the refused test opens: the developer's database, the password as a connection property (MariaDB Connector/J
// reads no percent-encoded password), and in a user info, which MariaDB Connector/J cannot read (it would report
// 'Incorrect port value : <the password>@localhost'): the guard refuses that before the driver runs, even for the
// test database
new File(basedir, 'runtime.txt').setText([role, PASSWORD,
        "jdbc:mariadb://localhost:3306/${dev}?user=${role}",
        "jdbc:mariadb://localhost:3306/${dev}",
        "${userInfo}/${db}"].join('\n') + '\n', 'UTF-8')
true
