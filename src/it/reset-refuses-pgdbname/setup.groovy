import static dev.testguard.it.ItChecks.*

// Names unique to this run: a role that owns both databases but may not create databases (so reset empties a
// database object by object over a connection to the URL), the test database the path names, the _dev database
// PGDBNAME names.
def suffix = Long.toHexString(new Random().nextLong() & 0xffffffffL)
def names = [role: "tg_it_app_$suffix", test: "tg_it_x_test_$suffix", dev: "tg_it_shop_dev_$suffix"]
new File(basedir, 'names.txt').text = names.collect { k, v -> "$k=$v" }.join('\n')
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('TEST_DB', names.test).replace('DEV_DB', names.dev).replace('APP_ROLE', names.role)

psql('postgres', "CREATE ROLE ${names.role} LOGIN NOCREATEDB NOSUPERUSER")
[names.test, names.dev].each { psql('postgres', "CREATE DATABASE $it OWNER ${names.role}") }
psql('postgres', "COMMENT ON DATABASE ${names.dev} IS 'shop data'")
asRole(names.role, names.test, 'CREATE TABLE scratch (id int); INSERT INTO scratch VALUES (7)')
asRole(names.role, names.dev, 'CREATE TABLE orders (id int primary key, total int); INSERT INTO orders SELECT g, g * 10 FROM generate_series(1, 42) g')
asRole(names.role, names.dev, 'CREATE TABLE customers (id int primary key); INSERT INTO customers VALUES (1), (2), (3)')
new File(basedir, 'fingerprint-before.txt').text = Fingerprint.of(names.dev) + '#' + Fingerprint.of(names.test)

static void asRole(String role, String db, String sql) {
    def p = ['psql', '-h', 'localhost', '-U', role, '-d', db, '-v', 'ON_ERROR_STOP=1', '-qc', sql].execute()
    p.waitFor()
    assert p.exitValue() == 0 : p.err.text
}

class Fingerprint {
    /** Tables, row counts and sums, and the database comment. */
    static String of(String db) {
        def tables = psql(db, "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'")
        def rows = tables.split(',').findAll { it }.collect { t -> t + ':' + psql(db, "SELECT count(*) FROM $t") }.join(',')
        tables + '|' + rows + '|' + psql('postgres', "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = '$db'")
    }
}
true
