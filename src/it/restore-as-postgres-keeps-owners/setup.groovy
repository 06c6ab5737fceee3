import static dev.testguard.it.ItChecks.psql

// issue 10: a source database (what the backup holds) and an existing, different target owned by a role without CREATEDB
def token = UUID.randomUUID().toString().replace('-', '').substring(0, 10)
def owner = "tg_it_rst_${token}_owner"
def src = "tg_it_rst_${token}_src"
def dst = "tg_it_rst_${token}_dst"
def store = new File(basedir, "../../it-backups/${basedir.name}")
store.deleteDir()
psql('postgres', "CREATE ROLE ${owner} LOGIN NOCREATEDB")
psql('postgres', "CREATE DATABASE ${src} OWNER ${owner}")
psql('postgres', "CREATE DATABASE ${dst} OWNER ${owner}")
psql('postgres', "REVOKE ALL ON DATABASE ${dst} FROM PUBLIC; GRANT CONNECT ON DATABASE ${dst} TO PUBLIC")
psql('postgres', "COMMENT ON DATABASE ${dst} IS 'testguard:{\"role\":\"protected\",\"stampedAt\":\"2026-01-01T00:00:00Z\",\"stampedBy\":\"ops@prod\"}'")

def tables = { String db, int customers, int orders ->
    psql(db, """SET ROLE ${owner};
CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id int PRIMARY KEY, customer int REFERENCES customers(id), amount numeric(10,2));
INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, ${customers}) g;
INSERT INTO orders SELECT g, 1 + g % ${customers}, g * 1.25 FROM generate_series(1, ${orders}) g;""")
}
tables(src, 50, 500)
tables(dst, 5, 7)
def props = """testguard.url=jdbc:postgresql://localhost:5432/${src}
testguard.username=postgres
testguard.backupDir=${store.canonicalPath}
it.owner=${owner}
it.src=${src}
it.dst=${dst}
"""
new File(basedir, 'test.properties').text = props
new File(basedir, 'restore.properties').text = props + "testguard.restoreTo=${dst}\ntestguard.confirm=${dst}\n"
// fingerprints before: the target's identity and content, the source's content
def fp = new Properties()
fp['dst.identity'] = dev.testguard.it.ItChecks.postgresIdentity(dst)
['customers', 'orders'].each { t ->
    fp["src.${t}".toString()] = dev.testguard.it.ItChecks.postgresFingerprint(src, t)
    fp["dst.${t}".toString()] = dev.testguard.it.ItChecks.postgresFingerprint(dst, t)
}
new File(basedir, 'before.properties').withOutputStream { fp.store(it, 'fingerprints before the restore') }
true
