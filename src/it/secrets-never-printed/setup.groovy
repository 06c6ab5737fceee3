new File(basedir, '../../it-backups/secrets-never-printed').deleteDir()
def psql(String db, String sql) {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    def err = new StringBuilder(); p.consumeProcessErrorStream(err); p.waitFor()
    assert p.exitValue() == 0 : err
}
def db = 'tg_it_secrets_' + UUID.randomUUID().toString().replace('-', '').substring(0, 10) + '_test'
psql('postgres', "CREATE DATABASE ${db}")
psql(db, "CREATE TABLE orders (id int PRIMARY KEY, note text); INSERT INTO orders VALUES (1, 'tea'), (2, 'cake');")
// PostgreSQL trusts localhost: any password is accepted, so this one travels through every code path
def secret = 'Pw Zq81-Leak/x@y'
new File(basedir, 'test.properties').text = """testguard.url=jdbc:postgresql://localhost:5432/${db}?password=${secret}
testguard.username=postgres
testguard.password=${secret}
testguard.backupDir=${new File(basedir, '../../it-backups/secrets-never-printed').canonicalPath}
it.db=${db}
"""
new File(basedir, 'refused.properties').text = """testguard.url=jdbc:postgresql://postgres:${URLEncoder.encode(secret, 'UTF-8').replace('+', '%20')}@localhost:5432/orders_dev?sslpassword=${secret}
testguard.password=${secret}
testguard.offline=true
"""
true
