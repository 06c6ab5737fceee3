import static dev.testguard.it.ItChecks.psql
import static dev.testguard.it.SecretScan.*

// a role of this run only, whose password holds every character that breaks a split
def token = String.format('%08d', new Random().nextInt(100_000_000))
def role = "tg_ss${token}"
def db = "tg_ss${token}_test"
def dev = "tg_ss${token}_dev"
def store = new File(basedir, '../../it-backups/secret-scan-postgres')
store.deleteDir()
psql('postgres', "CREATE ROLE ${role} LOGIN CREATEDB PASSWORD ${sqlLiteral(PASSWORD)}")
psql('postgres', "CREATE DATABASE ${db} OWNER ${role}")
psql('postgres', "CREATE DATABASE ${dev} OWNER ${role}")
for (name in [db, dev]) {
    psql(name, "SET ROLE ${role}; CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);"
            + " INSERT INTO customers SELECT i, 'customer ' || i FROM generate_series(1, 25) i")
}
// PostgreSQL trusts localhost and ignores the password, so every route below really logs in as the role
def userInfo = "jdbc:postgresql://${role}:${userInfoEncoded(PASSWORD)}@localhost:5432"
def common = ['it.role': role, 'it.db': db, 'it.dev': dev, 'testguard.backupDir': store.canonicalPath,
              'testguard.connectTimeout': 30000]
def write = { String name, Map props -> writeProperties(basedir, name, common, props) }
write('userinfo.properties', ['testguard.url': "${userInfo}/${db}".toString()])
write('query.properties', ['testguard.url': "jdbc:postgresql://localhost:5432/${db}?user=${role}&password=${queryEncoded(PASSWORD)}".toString()])
write('cli.properties', ['testguard.url': "jdbc:postgresql://localhost:5432/${db}".toString(), 'testguard.username': role,
                         'testguard.password': PASSWORD])
write('server.properties', ['testguard.url': "jdbc:postgresql://localhost:5432/${db}".toString(), 'testguard.serverId': SERVER_ID])
write('restore.properties', ['testguard.url': "jdbc:postgresql://localhost:5432/${db}".toString(), 'testguard.username': role,
                             'testguard.password': PASSWORD, 'testguard.restoreTo': "${db}_copy".toString(),
                             'testguard.confirm': "${db}_copy".toString()])
write('store.properties', [:])
write('provision.properties', ['testguard.prefix': "tgss${token}_".toString()])
// in the POM, not -D: Surefire hands Maven's user properties to the tests, so verify would judge a -D URL as theirs
fillPom(basedir, ['PROVISION-URL-WRITTEN-BY-SETUP': "jdbc:postgresql://localhost:5432/postgres?user=${role}&password=${queryEncoded(PASSWORD)}".toString(),
                  'PROTECTED-URL-WRITTEN-BY-SETUP': "jdbc:postgresql://localhost:5432/${db}".toString()])
write('runtime.properties', ['it.refuse': 'true'])
// refused before any test: the password written raw (its '/' and '@' break the user info) and as sslpassword
write('refused.properties', ['testguard.url': "jdbc:postgresql://${role}:${PASSWORD}@localhost:5432/${dev}?sslpassword=${queryEncoded(PASSWORD)}".toString(),
                             'testguard.password': PASSWORD])
// the settings.xml route: the IT settings plus a <server> holding the password (XML-escaped)
writeSettings(basedir, role, PASSWORD)
// what the refused test opens: the developer's database, the password in the query, the user info and a property
new File(basedir, 'runtime.txt').setText([role, PASSWORD,
        "jdbc:postgresql://localhost:5432/${dev}?user=${role}&password=${queryEncoded(PASSWORD)}",
        "${userInfo}/${dev}",
        "jdbc:postgresql://localhost:5432/${dev}"].join('\n') + '\n', 'UTF-8')
true
