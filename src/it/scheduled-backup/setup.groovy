// the documented standalone POM, unchanged; only its database and backup directory are set per run (user properties)
def example = new File(basedir, '../../../examples/scheduled-backup/pom.xml')
assert example.isFile() : example
new File(basedir, 'pom.xml').text = example.text
def store = new File(basedir, '../../it-backups/scheduled-backup')
store.deleteDir()
def psql(String db, String sql) {
    def p = ['psql', '-h', 'localhost', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    def err = new StringBuilder(); p.consumeProcessErrorStream(err); p.waitFor()
    assert p.exitValue() == 0 : err
}
def db = 'tg_it_sched_' + UUID.randomUUID().toString().replace('-', '').substring(0, 10)
psql('postgres', "CREATE DATABASE ${db}")
psql(db, '''
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id int PRIMARY KEY, customer int REFERENCES customers(id), amount numeric(10,2));
INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 40) g;
INSERT INTO orders SELECT g, 1 + g % 40, g * 2.5 FROM generate_series(1, 400) g;
''')
new File(basedir, 'schedule.properties').text = """app.db.url=jdbc:postgresql://localhost:5432/${db}?user=postgres
app.db.serverId=
testguard.backupDir=${store.canonicalPath}
it.db=${db}
"""
true
