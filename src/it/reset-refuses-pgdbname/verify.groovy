import static dev.testguard.it.ItChecks.*

def names = new File(basedir, 'names.txt').readLines().collectEntries { it.split('=', 2) as List }
def before = new File(basedir, 'fingerprint-before.txt').text
def fingerprint = { String db ->
    def tables = psql(db, "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public'")
    def rows = tables.split(',').findAll { it }.collect { t -> t + ':' + psql(db, "SELECT count(*) FROM $t") }.join(',')
    tables + '|' + rows + '|' + psql('postgres', "SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = '$db'")
}
def after
try {
    after = fingerprint(names.dev) + '#' + fingerprint(names.test)
} finally {
    [names.dev, names.test].each { psql('postgres', "DROP DATABASE IF EXISTS $it") }
    psql('postgres', "DROP ROLE IF EXISTS ${names.role}")
}

assert before == 'customers,orders|customers:3,orders:42|shop data#scratch|scratch:1|' : 'unexpected fingerprint before: ' + before
assert after == before : 'a database changed: before ' + before + ', after ' + after
contains(log(basedir), 'testguard refuses to reset: nothing was touched', "rule 'ambiguous'",
        "the path says '${names.test}'", "the parameter PGDBNAME says '${names.dev}'")
true
