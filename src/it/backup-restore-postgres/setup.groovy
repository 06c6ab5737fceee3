// each run starts from an empty store, so the assertions see this run's backups only
new File(basedir, '../../it-backups/backup-restore-postgres').deleteDir()
def psql(String db, String sql) {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    def err = new StringBuilder(); p.consumeProcessErrorStream(err); p.waitFor()
    assert p.exitValue() == 0 : err
}
def db = 'tg_it_backup_' + UUID.randomUUID().toString().replace('-', '').substring(0, 10)
def secret = 'pw-' + UUID.randomUUID()
psql('postgres', "CREATE DATABASE ${db}")
psql(db, '''
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id int PRIMARY KEY, customer int REFERENCES customers(id), amount numeric(10,2), note text);
CREATE TABLE notes (id serial PRIMARY KEY, body text);
INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 50) g;
INSERT INTO orders SELECT g, 1 + g % 50, g * 1.25, repeat('x', g % 40) FROM generate_series(1, 500) g;
INSERT INTO notes (body) VALUES ('one'), ('two'), ('three');
''')
def props = """testguard.url=jdbc:postgresql://localhost:5432/${db}
testguard.username=postgres
testguard.password=${secret}
testguard.backupDir=${new File(basedir, '../../it-backups/backup-restore-postgres').canonicalPath}
it.db=${db}
"""
new File(basedir, 'test.properties').text = props
new File(basedir, 'confirm.properties').text = props + "testguard.confirm=${db}\n"
true
