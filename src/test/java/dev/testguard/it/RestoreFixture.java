package dev.testguard.it;

import static dev.testguard.it.ItChecks.mariadb;
import static dev.testguard.it.ItChecks.mariadbFingerprint;
import static dev.testguard.it.ItChecks.postgresFingerprint;
import static dev.testguard.it.ItChecks.postgresIdentity;
import static dev.testguard.it.ItChecks.psql;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;

/**
 * The part the restore ITs share (setup.groovy and verify.groovy of {@code restore-*}): a source database (what the backup
 * holds, 50 customers and 500 orders) and an existing, different target (5 and 7) stamped {@code protected}, a
 * {@code test.properties} naming the source and a {@code restore.properties} naming the target, the fingerprints taken
 * before the build ({@code before.properties}), and the clean-up that drops only this run's databases and role or user.
 */
public final class RestoreFixture {

    static final String[] TABLES = {"customers", "orders"};
    static final String PROTECTED_STAMP = "{\"role\":\"protected\",\"stampedAt\":\"2026-01-01T00:00:00Z\",\"stampedBy\":\"ops@prod\"}";

    public final File basedir;
    public final String vendor;
    public final String owner;
    public final String src;
    public final String dst;
    public final Properties props;
    public final Properties before;

    private RestoreFixture(File basedir, Properties props, Properties before) {
        this.basedir = basedir;
        this.props = props;
        this.before = before;
        this.vendor = props.getProperty("it.vendor");
        this.owner = props.getProperty("it.owner");
        this.src = props.getProperty("it.src");
        this.dst = props.getProperty("it.dst");
    }

    /**
     * setup.groovy of a PostgreSQL restore IT: both databases owned by a role without CREATEDB; the build connects as
     * {@code connectAs} ({@code postgres} or {@code owner}); {@code sourceSql} runs in the source first (as postgres).
     */
    public static RestoreFixture postgresSetup(File basedir, String connectAs, String... sourceSql) throws Exception {
        Names n = new Names(basedir);
        psql("postgres", "CREATE ROLE " + n.owner + " LOGIN NOCREATEDB");
        for (String db : new String[] {n.src, n.dst}) {
            psql("postgres", "CREATE DATABASE " + db + " OWNER " + n.owner);
        }
        psql("postgres", "REVOKE ALL ON DATABASE " + n.dst + " FROM PUBLIC; GRANT CONNECT ON DATABASE " + n.dst + " TO PUBLIC");
        psql("postgres", "COMMENT ON DATABASE " + n.dst + " IS 'testguard:" + PROTECTED_STAMP + "'");
        for (String sql : sourceSql) {
            psql(n.src, sql);
        }
        postgresTables(n.src, n.owner, 50, 500);
        postgresTables(n.dst, n.owner, 5, 7);
        Properties before = new Properties();
        before.setProperty("dst.identity", postgresIdentity(n.dst));
        for (String t : TABLES) {
            before.setProperty("src." + t, postgresFingerprint(n.src, t));
            before.setProperty("dst." + t, postgresFingerprint(n.dst, t));
        }
        return n.write("postgresql", "jdbc:postgresql://localhost:5432/" + n.src, connectAs.equals("owner") ? n.owner : connectAs, before);
    }

    /** setup.groovy of a MariaDB restore IT: a user granted rights on the target only; the build connects as root. */
    public static RestoreFixture mariadbSetup(File basedir) throws Exception {
        Names n = new Names(basedir);
        mariadb("CREATE DATABASE " + n.src + "; CREATE DATABASE " + n.dst + "; CREATE USER '" + n.owner + "'@'localhost';"
                + " GRANT SELECT, INSERT, UPDATE ON " + n.dst + ".* TO '" + n.owner + "'@'localhost';");
        mariadbTables(n.src, 50, 500);
        mariadbTables(n.dst, 5, 7);
        mariadb("GRANT DELETE ON " + n.dst + ".orders TO '" + n.owner + "'@'localhost'");
        mariadb("CREATE TABLE " + n.dst + ".testguard_stamp (role VARCHAR(16) NOT NULL, stamped_at VARCHAR(40) NOT NULL,"
                + " stamped_by VARCHAR(255), project VARCHAR(255)); INSERT INTO " + n.dst + ".testguard_stamp VALUES"
                + " ('protected', '2026-01-01T00:00:00Z', 'ops@prod', NULL)");
        Properties before = new Properties();
        before.setProperty("dst.identity", mariadbIdentity(n.dst, n.owner));
        for (String t : TABLES) {
            before.setProperty("src." + t, mariadbFingerprint(n.src, t));
            before.setProperty("dst." + t, mariadbFingerprint(n.dst, t));
        }
        return n.write("mariadb", "jdbc:mariadb://localhost:3306/" + n.src, "root", before);
    }

    /** verify.groovy: what setup.groovy wrote. */
    public static RestoreFixture load(File basedir) throws IOException {
        return new RestoreFixture(basedir, read(new File(basedir, "test.properties")), read(new File(basedir, "before.properties")));
    }

    public String log() throws IOException {
        return ItChecks.log(basedir);
    }

    /** Fingerprint of {@code table} in {@code database} now. */
    public String fingerprint(String database, String table) throws Exception {
        return vendor.equals("mariadb") ? mariadbFingerprint(database, table) : postgresFingerprint(database, table);
    }

    /** Each table of the target holds what the {@code which} database ({@code src} or {@code dst}) held before. */
    public void targetHoldsWhat(String which) throws Exception {
        for (String t : TABLES) {
            String now = fingerprint(dst, t);
            ItChecks.check(now.equals(before.getProperty(which + "." + t)), dst + "." + t + " holds " + now
                    + ", not what " + which + " held before: " + before.getProperty(which + "." + t));
        }
    }

    /** The target's stamp and grants (MariaDB), or oid, owner, grants, stamp and table owners (PostgreSQL), now. */
    public String identity() throws Exception {
        return vendor.equals("mariadb") ? mariadbIdentity(dst, owner) : postgresIdentity(dst);
    }

    /** PostgreSQL: this run's databases made of the target's name ({@code <dst>_tg...}: safety copies), comma-separated. */
    public String safetyDatabases() throws Exception {
        return psql("postgres", "SELECT coalesce(string_agg(datname, ','), '') FROM pg_database WHERE datname LIKE '" + dst + "\\_tg%'");
    }

    /** MariaDB: the schemas made of the target's name (its safety schemas), comma-separated. */
    public String safetySchemas() throws Exception {
        return mariadb("SELECT COALESCE(GROUP_CONCAT(schema_name ORDER BY schema_name), '') FROM information_schema.schemata"
                + " WHERE schema_name LIKE '" + dst + "\\_%'");
    }

    /** Drops this run's databases (and the safety copies made of the target's name) and its role or user. */
    public void dropAll() throws Exception {
        if (vendor.equals("mariadb")) {
            for (String db : concat(safetySchemas(), src, dst)) {
                mariadb("DROP DATABASE IF EXISTS `" + db + "`");
            }
            mariadb("DROP USER IF EXISTS '" + owner + "'@'localhost'");
            return;
        }
        for (String db : concat(safetyDatabases(), src, dst)) {
            psql("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        }
        psql("postgres", "DROP ROLE IF EXISTS " + owner);
    }

    private static String[] concat(String commaSeparated, String... more) {
        String[] found = Arrays.stream(commaSeparated.split(",")).filter(s -> !s.isBlank()).toArray(String[]::new);
        String[] all = Arrays.copyOf(found, found.length + more.length);
        System.arraycopy(more, 0, all, found.length, more.length);
        return all;
    }

    static String mariadbIdentity(String db, String user) throws Exception {
        return "grants=" + mariadb("SHOW GRANTS FOR '" + user + "'@'localhost'").replace('\n', ';')
                + " stamp=" + mariadb("SELECT CONCAT_WS('/', role, stamped_at, stamped_by) FROM `" + db + "`.testguard_stamp");
    }

    private static void postgresTables(String db, String owner, int customers, int orders) throws Exception {
        psql(db, "SET ROLE " + owner + ";\nCREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);\n"
                + "CREATE TABLE orders (id int PRIMARY KEY, customer int REFERENCES customers(id), amount numeric(10,2));\n"
                + "INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, " + customers + ") g;\n"
                + "INSERT INTO orders SELECT g, 1 + g % " + customers + ", g * 1.25 FROM generate_series(1, " + orders + ") g;");
    }

    private static void mariadbTables(String db, int customers, int orders) throws Exception {
        mariadb("USE " + db + "; CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL);"
                + " CREATE TABLE orders (id INT PRIMARY KEY, customer INT, amount DECIMAL(10,2), name VARCHAR(10),"
                + " FOREIGN KEY (customer) REFERENCES customers(id));"
                + " INSERT INTO customers SELECT seq, CONCAT('customer ', seq) FROM seq_1_to_" + customers + ";"
                + " INSERT INTO orders SELECT seq, 1 + seq % " + customers + ", seq * 1.25, 'o' FROM seq_1_to_" + orders + ";");
    }

    private static Properties read(File file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = new FileInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    /** This run's unique names, its empty backup store, and the properties files the build and verify.groovy read. */
    private static final class Names {
        final File basedir;
        final String owner;
        final String src;
        final String dst;
        final File store;

        Names(File basedir) throws IOException {
            String token = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            this.basedir = basedir;
            this.owner = "tg_it_rst_" + token + "_owner";
            this.src = "tg_it_rst_" + token + "_src";
            this.dst = "tg_it_rst_" + token + "_dst";
            this.store = new File(basedir, "../../it-backups/" + basedir.getName());
            deleteTree(store);
        }

        RestoreFixture write(String vendor, String url, String user, Properties before) throws IOException {
            String props = "testguard.url=" + url + "\ntestguard.username=" + user + "\ntestguard.backupDir="
                    + store.getCanonicalPath() + "\nit.vendor=" + vendor + "\nit.owner=" + owner + "\nit.src=" + src
                    + "\nit.dst=" + dst + "\n";
            Files.writeString(new File(basedir, "test.properties").toPath(), props, StandardCharsets.UTF_8);
            Files.writeString(new File(basedir, "restore.properties").toPath(),
                    props + "testguard.restoreTo=" + dst + "\ntestguard.confirm=" + dst + "\n", StandardCharsets.UTF_8);
            try (OutputStream out = new FileOutputStream(new File(basedir, "before.properties"))) {
                before.store(out, "fingerprints before the restore");
            }
            return load(basedir);
        }

        private static void deleteTree(File f) throws IOException {
            File[] children = f.listFiles();
            if (children != null) {
                for (File c : children) {
                    deleteTree(c);
                }
            }
            Files.deleteIfExists(f.toPath());
        }
    }
}
