package dev.testguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.AmbiguousJdbcUrlException;
import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.probe.LiveProbe;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random URL forms (host lists, ports, paths, parameters in any case and order, percent-encoding, duplicates,
 * control characters, connection properties) against the real local servers: whenever the real driver connects,
 * the target the policy resolved must be the one the driver opened ({@code current_database()},
 * {@code inet_server_port()}, {@code current_user}; {@code database()}, {@code @@port}, {@code current_user()}),
 * and a TEST verdict must name the database the driver really opened. Rerun a failure with
 * {@code -Dtestguard.fuzz.seed=<seed>} (the seed is in every failure message).
 */
class EffectiveTargetFuzzTest {

    private static final long SEED = Long.getLong("testguard.fuzz.seed", System.nanoTime());
    private static final int POSTGRES_CASES = 220;
    private static final int MYSQL_CASES = 160;
    private static final String SUFFIX = Long.toHexString(new Random().nextLong() & 0xffffffffL);
    private static final String A = "tg_fz_" + SUFFIX + "_a_test";
    private static final String B = "tg_fz_" + SUFFIX + "_b_test";
    private static final String DEV = "tg_fz_" + SUFFIX + "_shop_dev";
    private static final List<String> DATABASES = List.of(A, B, DEV);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

    private final Classifier classifier = TestClassifiers.standard(
            PolicySettings.defaults(Path.of("."), Path.of("target"), false), LiveProbe.OFFLINE, null);

    /** What the driver really opened. */
    record Opened(String database, int port, String user) {
    }

    /** Tallies, so that a run which never compared anything fails. */
    private int compared;
    private int ambiguous;

    @BeforeAll
    static void createDatabases() throws SQLException {
        for (String db : DATABASES) {
            admin(postgresAdmin(), "CREATE DATABASE " + db);
            admin(mariadbAdmin(), "CREATE DATABASE " + db);
        }
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        for (String db : DATABASES) {
            admin(postgresAdmin(), "DROP DATABASE IF EXISTS " + db);
            admin(mariadbAdmin(), "DROP DATABASE IF EXISTS " + db);
        }
    }

    @Test
    void postgresTargetIsTheOnePgJdbcOpens() {
        Random random = new Random(SEED);
        for (int i = 0; i < POSTGRES_CASES; i++) {
            String url = UrlForms.postgres(random, DATABASES);
            Map<String, String> props = UrlForms.postgresProperties(random, DATABASES);
            Opened opened = open(new org.postgresql.Driver(), url, props,
                    "SELECT current_database(), inet_server_port(), current_user");
            check("PgJDBC", i, url, props, opened, 5432);
        }
        System.out.println("PgJDBC: " + stats());
        assertThat(compared).as(stats()).isGreaterThan(POSTGRES_CASES / 8);
        assertThat(ambiguous).as(stats()).isGreaterThan(POSTGRES_CASES / 20);
    }

    @Test
    void mysqlTargetIsTheOneConnectorJAndMariadbConnectorJOpen() throws SQLException {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < MYSQL_CASES; i++) {
            String url = UrlForms.mysql(random, DATABASES);
            Map<String, String> props = UrlForms.mysqlProperties(random, DATABASES);
            String sql = "SELECT database(), @@port, current_user()";
            String asMysql = url.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring(13) : url;
            check("Connector/J", i, url, props, open(new com.mysql.cj.jdbc.Driver(), asMysql, props, sql), 3306);
            if (url.startsWith("jdbc:mariadb:")) {
                check("MariaDB Connector/J", i, url, props, open(new org.mariadb.jdbc.Driver(), url, props, sql), 3306);
            }
        }
        System.out.println("Connector/J, MariaDB Connector/J: " + stats());
        assertThat(compared).as(stats()).isGreaterThan(MYSQL_CASES / 8);
        assertThat(ambiguous).as(stats()).isGreaterThan(MYSQL_CASES / 20);
    }

    private void check(String driver, int i, String url, Map<String, String> props, Opened opened, int serverPort) {
        String what = "seed=" + SEED + " case " + i + " (" + driver + "): " + visible(url) + " with " + props
                + " opened " + opened;
        JdbcUrl policy;
        try {
            policy = JdbcUrlParser.parse(url, props);
        } catch (AmbiguousJdbcUrlException e) {
            ambiguous++;
            return; // PROTECTED, whatever the driver does
        } catch (JdbcUrlException e) {
            assertThat(verdict(url, props).classification()).as(what).isEqualTo(Classification.PROTECTED);
            return;
        }
        Verdict verdict = verdict(url, props);
        if (opened == null) {
            return; // the driver refused or could not connect: there is no other target to have judged
        }
        compared++;
        what += ", policy " + policy.hosts() + " / " + policy.databaseName() + " / " + policy.user();
        if (policy.databaseName() != null) {
            assertThat(policy.databaseName()).as(what).isEqualTo(opened.database());
        }
        if (verdict.classification() == Classification.TEST) {
            assertThat(verdict.url().databaseName()).as(what).isEqualTo(opened.database());
        }
        assertThat(policy.hosts()).as(what).anySatisfy(h -> {
            assertThat(LOOPBACK).contains(h.host());
            assertThat(h.port() == null ? serverPort : h.port()).isEqualTo(opened.port());
        });
        if (policy.user() != null) {
            assertThat(policy.user()).as(what).isEqualTo(opened.user());
        }
    }

    private Verdict verdict(String url, Map<String, String> props) {
        DiscoveredUrl source = DiscoveredUrl.of("fuzz", url, Provenance.commandLine("fuzz"), null);
        return classifier.classify(source, props);
    }

    private static Opened open(Driver driver, String url, Map<String, String> props, String sql) {
        Properties properties = new Properties();
        properties.putAll(props);
        try (Connection c = driver.connect(url, properties)) {
            if (c == null) {
                return null;
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                String user = rs.getString(3);
                return new Opened(rs.getString(1), rs.getInt(2), user.contains("@") ? user.substring(0, user.indexOf('@')) : user);
            }
        } catch (SQLException | RuntimeException e) {
            return null;
        }
    }

    private String stats() {
        return "seed=" + SEED + ": compared " + compared + ", ambiguous " + ambiguous;
    }

    private static String visible(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x20 || c >= 0x7f && c <= 0x9f ? String.format(Locale.ROOT, "\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static Connection postgresAdmin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/postgres", p);
    }

    private static Connection mariadbAdmin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        return new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://127.0.0.1:3306/", p);
    }

    private static void admin(Connection c, String sql) throws SQLException {
        try (c; Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The random URL forms. */
    static final class UrlForms {

        private static final String[] PG_HOSTS = {"127.0.0.1", "localhost", "127.0.0.1:5432", "localhost:5432",
            "127.0.0.1:5433", "tg-fuzz.invalid:5432", ":5432"};
        private static final String[] PG_DB_KEYS = {"PGDBNAME", "dbname", "DbName", "DBNAME", "pgdbname", "database"};
        private static final String[] PG_HOST_PARAMS = {"PGHOST=127.0.0.1", "host=localhost", "Host=127.0.0.1",
            "PGHOST=tg-fuzz.invalid", "PGPORT=5432", "port=5433", "PGPORT=5433", "PORT=5432"};
        private static final String[] PG_OTHER = {"user=postgres", "user=postgres", "User=nobody", "sslmode=disable",
            "ApplicationName=fz", "service=tg_fuzz_nosuch", "user=tg_fuzz_nobody", "PGDBNAME", "loginTimeout=3"};
        private static final String[] MY_HOSTS = {"127.0.0.1", "localhost", "127.0.0.1:3306", "localhost:3306",
            "127.0.0.1:3307", "", "root@127.0.0.1:3306", "(host=127.0.0.1,port=3306)"};
        private static final String[] MY_DB_KEYS = {"dbname", "DBNAME", "DbName", "database", "Database", "schema"};
        private static final String[] MY_HOST_PARAMS = {"host=127.0.0.1", "host=tg-fuzz.invalid", "HOST=localhost",
            "port=3306", "port=3307", "Port=3306"};
        private static final String[] MY_OTHER = {"user=root", "user=root", "USER=root", "useSSL=false",
            "allowPublicKeyRetrieval=true", "connectTimeout=2000", "user=tg_fuzz_nobody"};

        private UrlForms() {
        }

        static String postgres(Random r, List<String> dbs) {
            if (r.nextInt(8) == 0) {
                return "jdbc:postgresql:" + dbName(r, dbs) + query(r, pgParameters(r, dbs));
            }
            List<String> hosts = new ArrayList<>();
            int count = 1 + (r.nextInt(4) == 0 ? 1 : 0);
            for (int i = 0; i < count; i++) {
                hosts.add(pick(r, PG_HOSTS));
            }
            String path = r.nextInt(6) == 0 ? "" : dbName(r, dbs);
            return "jdbc:postgresql://" + String.join(",", hosts) + "/" + path + query(r, pgParameters(r, dbs));
        }

        static Map<String, String> postgresProperties(Random r, List<String> dbs) {
            Map<String, String> props = new LinkedHashMap<>();
            if (r.nextInt(5) != 0) {
                props.put("user", "postgres");
            }
            props.put("connectTimeout", "2");
            maybe(r, 6, () -> props.put("PGDBNAME", pick(r, dbs)));
            maybe(r, 10, () -> props.put("PGHOST", r.nextBoolean() ? "127.0.0.1" : "tg-fuzz.invalid"));
            maybe(r, 10, () -> props.put("PGPORT", r.nextBoolean() ? "5432" : "5433"));
            maybe(r, 10, () -> props.put("dbname", pick(r, dbs)));
            return props;
        }

        static String mysql(Random r, List<String> dbs) {
            String scheme = r.nextBoolean() ? "jdbc:mysql://" : "jdbc:mariadb://";
            String path = r.nextInt(6) == 0 ? "" : dbName(r, dbs);
            String fragment = r.nextInt(12) == 0 ? "#" + pick(r, dbs) : "";
            return scheme + pick(r, MY_HOSTS) + "/" + path + query(r, myParameters(r, dbs)) + fragment;
        }

        static Map<String, String> mysqlProperties(Random r, List<String> dbs) {
            Map<String, String> props = new LinkedHashMap<>();
            if (r.nextInt(5) != 0) {
                props.put("user", "root");
            }
            props.put("password", "");
            props.put("connectTimeout", "2000");
            maybe(r, 8, () -> props.put(r.nextBoolean() ? "dbname" : "database", pick(r, dbs)));
            maybe(r, 12, () -> props.put("host", "tg-fuzz.invalid"));
            maybe(r, 12, () -> props.put("port", r.nextBoolean() ? "3306" : "3307"));
            return props;
        }

        private static List<String> pgParameters(Random r, List<String> dbs) {
            List<String> out = new ArrayList<>();
            int n = r.nextInt(3) + (r.nextInt(4) == 0 ? 1 : 0);
            for (int i = 0; i < n; i++) {
                switch (r.nextInt(4)) {
                    case 0 -> out.add(pick(r, PG_DB_KEYS) + "=" + dbName(r, dbs));
                    case 1 -> out.add(pick(r, PG_HOST_PARAMS));
                    default -> out.add(pick(r, PG_OTHER));
                }
            }
            return out;
        }

        private static List<String> myParameters(Random r, List<String> dbs) {
            List<String> out = new ArrayList<>();
            int n = r.nextInt(3) + (r.nextInt(4) == 0 ? 1 : 0);
            for (int i = 0; i < n; i++) {
                switch (r.nextInt(4)) {
                    case 0 -> out.add(pick(r, MY_DB_KEYS) + "=" + dbName(r, dbs));
                    case 1 -> out.add(pick(r, MY_HOST_PARAMS));
                    default -> out.add(pick(r, MY_OTHER));
                }
            }
            return out;
        }

        /** A database name, sometimes percent-encoded, padded, with '+' or a control character. */
        private static String dbName(Random r, List<String> dbs) {
            String db = pick(r, dbs);
            return switch (r.nextInt(16)) {
                case 0 -> db.replace("_", "%5F");
                case 1 -> db.replace("_a_", "%5Fa%5F").toUpperCase(Locale.ROOT).replace("%5F", "%5f");
                case 2 -> "%20" + db;
                case 3 -> db.replace("_test", "%00_test");
                case 4 -> db + "%0A";
                case 5 -> db.replace("_", "+");
                case 6 -> db.substring(0, db.length() - 1) + "%" + Integer.toHexString(db.charAt(db.length() - 1));
                default -> db;
            };
        }

        private static String query(Random r, List<String> parameters) {
            return parameters.isEmpty() ? (r.nextInt(10) == 0 ? "?" : "") : "?" + String.join("&", parameters);
        }

        private static void maybe(Random r, int oneIn, Runnable action) {
            if (r.nextInt(oneIn) == 0) {
                action.run();
            }
        }

        private static <T> T pick(Random r, T[] values) {
            return values[r.nextInt(values.length)];
        }

        private static <T> T pick(Random r, List<T> values) {
            return values.get(r.nextInt(values.size()));
        }
    }
}
