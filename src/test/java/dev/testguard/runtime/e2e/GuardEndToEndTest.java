package dev.testguard.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.AgentOptions;
import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import dev.testguard.runtime.agent.AgentJar;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime guard end to end, without Maven: the boot jar {@link AgentJar} writes, the options the build would
 * write, and a real {@code java -javaagent:...} child JVM ({@link GuardedMain}) that opens connections through the
 * real PgJDBC, Connector/J, MariaDB Connector/J, HikariCP and r2dbc-postgresql against the local servers.
 */
class GuardEndToEndTest {

    private static final String SECRET = "s3cretE2E";
    private static final String TEST_CLASS = GuardedMain.class.getName();

    static E2eDatabases dbs;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabases() throws Exception {
        dbs = E2eDatabases.create("tg_agent_" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        if (dbs != null) {
            dbs.drop();
        }
    }

    static Stream<Path> javaHomes() {
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        Path temurin25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        if (Files.isExecutable(temurin25.resolve("bin/java"))) {
            homes.add(temurin25);
        }
        return homes.stream();
    }

    @ParameterizedTest
    @MethodSource("javaHomes")
    void refusesEveryConnectionToANonTestDatabaseAndAllowsTestDatabases(Path javaHome) throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> scenarios = scenarios(expected);
        Map<String, Long> before = dbs.rowCounts();
        String token = "e2e" + UUID.randomUUID().toString().substring(0, 8);
        Path records = dir.resolve("records");

        GuardedRun run = GuardedRun.launch(javaHome, dir, options(token, records), scenarios);
        GuardedRun unguarded = GuardedRun.launch(javaHome, dir, null, harmless(scenarios, expected));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        expected.forEach((name, outcome) ->
                assertThat(run.result(name)).as(name + "\n" + run.describe()).startsWith(outcome));
        assertThat(run.result("pg-dm-dev")).contains("testguard refused a connection to jdbc:postgresql://localhost:5432/"
                + dbs.pgDev + "?password=****: it is not a test database.", "-Dtestguard.runtime=false",
                "-Dtestguard.allow=localhost:5432/" + dbs.pgDev);
        assertThat(run.result("pg-simple-dev")).contains("testguard refused a connection to jdbc:postgresql://localhost:"
                + "5432/" + dbs.pgDev + ": it is not a test database.").doesNotContain("adaptiveFetch");
        assertThat(run.result("r2dbc-test-stamped-protected")).contains("R2dbcPermissionDeniedException",
                "testguard refused a connection to jdbc:postgresql://localhost:5432/" + dbs.pgStampedProtected);
        assertThat(run.result("r2dbc-test-over-maxrows")).contains("R2dbcPermissionDeniedException", dbs.pgBig);
        assertThat(run.result("maria-unreadable-stamp")).contains("testguard refused a connection to jdbc:mariadb://"
                + "localhost:3306/" + dbs.myUnreadableStamp + ": the runtime guard could not run its live checks",
                "SELECT command denied", "-Dtestguard.offline=true", "-Dtestguard.runtime=false");
        assertThat(run.result("r2dbc-direct-dev")).contains("R2dbcPermissionDeniedException", dbs.pgDev);
        assertThat(run.stdout()).contains("MARKER armed:" + token).doesNotContain(SECRET);
        assertThat(unguarded.exitCode()).as(unguarded.describe()).isZero();
        assertThat(run.linesNotIn(unguarded)).as("stderr lines only the guarded JVM printed\n" + run.describe())
                .isEmpty();
        assertThat(run.stderr()).doesNotContain(SECRET);
        assertThat(dbs.rowCounts()).isEqualTo(before);
        checkRecords(RuntimeRecords.read(records, token), token);
    }

    /**
     * r2dbc-postgresql and r2dbc-mariadb in a JVM without JDBC drivers: the live rules run over an R2DBC connection
     * of the factory itself;
     * where that cannot run (nothing listens on the port) the factory is refused, saying how to turn the guard off.
     */
    @ParameterizedTest
    @MethodSource("javaHomes")
    void r2dbcWithoutAJdbcDriverIsJudgedOverR2dbcItself(Path javaHome) throws Exception {
        String classpath = classpathWithoutJdbcDrivers();
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        String r2dbc = "r2dbc:postgresql://postgres@localhost:5432/";
        add(lines, expected, "r2dbc-test-stamped-protected", "r2dbc", r2dbc + dbs.pgStampedProtected, "", "REFUSED");
        add(lines, expected, "r2dbc-test-over-maxrows", "r2dbc", r2dbc + dbs.pgBig, "", "REFUSED");
        add(lines, expected, "r2dbc-neutral-stamped-test", "r2dbc", r2dbc + dbs.pgNeutral, "", "OK");
        add(lines, expected, "r2dbc-test", "r2dbc", "r2dbc:postgresql://postgres@127.0.0.1:5432/" + dbs.pgTest, "",
                "OK");
        add(lines, expected, "r2dbc-dev", "r2dbc", r2dbc + dbs.pgDev, "", "REFUSED");
        add(lines, expected, "r2dbc-nothing-listens", "r2dbc", "r2dbc:postgresql://postgres@localhost:1/"
                + dbs.pgTest, "", "REFUSED");
        String maria = "r2dbc:mariadb://root@localhost:3306/";
        add(lines, expected, "maria-r2dbc-test-stamped-protected", "r2dbc", maria + dbs.myStampedProtected, "",
                "REFUSED");
        add(lines, expected, "maria-r2dbc-dev", "r2dbc", maria + dbs.myDev, "", "REFUSED");
        add(lines, expected, "maria-r2dbc-test", "r2dbc", maria + dbs.myTest, "", "OK");
        add(lines, expected, "r2dbc-direct-dev", "r2dbc-direct", r2dbc + dbs.pgDev, "", "REFUSED");
        add(lines, expected, "r2dbc-direct-stamped-protected", "r2dbc-direct", r2dbc + dbs.pgStampedProtected, "",
                "REFUSED");
        add(lines, expected, "r2dbc-direct-test", "r2dbc-direct", r2dbc + dbs.pgTest, "", "OK");
        add(lines, expected, "maria-r2dbc-direct-dev", "r2dbc-direct", maria + dbs.myDev, "", "REFUSED");
        add(lines, expected, "maria-r2dbc-direct-test", "r2dbc-direct", maria + dbs.myTest, "", "OK");
        String mysql = "r2dbc:mysql://root@localhost:3306/";
        add(lines, expected, "mysql-r2dbc-direct-dev", "r2dbc-direct", mysql + dbs.myDev, "", "REFUSED");
        add(lines, expected, "mysql-r2dbc-direct-test", "r2dbc-direct", mysql + dbs.myTest, "", "OK");
        add(lines, expected, "r2dbc-proxy-dev", "r2dbc-proxy", r2dbc + dbs.pgDev, "", "REFUSED");
        add(lines, expected, "r2dbc-eventloop-test", "r2dbc-eventloop", r2dbc + dbs.pgTest, r2dbc + dbs.pgTest,
                "OK");
        add(lines, expected, "r2dbc-eventloop-dev", "r2dbc-eventloop", r2dbc + dbs.pgDev, r2dbc + dbs.pgTest,
                "REFUSED");
        Map<String, Long> before = dbs.rowCounts();
        String token = "e2e" + UUID.randomUUID().toString().substring(0, 8);

        GuardedRun run = GuardedRun.launch(javaHome, dir, options(token, dir.resolve("records")), lines, classpath,
                "r2dbc-");
        GuardedRun unguarded = GuardedRun.launch(javaHome, dir, null, harmless(lines, expected), classpath, "r2dbc-");

        assertThat(run.exitCode()).as(run.describe()).isZero();
        expected.forEach((name, outcome) ->
                assertThat(run.result(name)).as(name + "\n" + run.describe()).startsWith(outcome));
        assertThat(run.result("r2dbc-test-stamped-protected")).contains("R2dbcPermissionDeniedException",
                "testguard refused a connection to jdbc:postgresql://localhost:5432/" + dbs.pgStampedProtected,
                "Rule 'stamp'");
        assertThat(run.result("r2dbc-test-over-maxrows")).contains("R2dbcPermissionDeniedException", dbs.pgBig,
                "Rule 'live-data'");
        assertThat(run.result("maria-r2dbc-test-stamped-protected")).contains("R2dbcPermissionDeniedException",
                "testguard refused a connection to jdbc:mariadb://localhost:3306/" + dbs.myStampedProtected,
                "Rule 'stamp'");
        assertThat(run.result("r2dbc-direct-dev")).contains("R2dbcPermissionDeniedException",
                "testguard refused a connection to jdbc:postgresql://localhost:5432/" + dbs.pgDev,
                "-Dtestguard.allow=localhost:5432/" + dbs.pgDev);
        assertThat(run.result("maria-r2dbc-direct-dev")).contains("R2dbcPermissionDeniedException",
                "testguard refused a connection to jdbc:mariadb://localhost:3306/" + dbs.myDev);
        assertThat(run.result("r2dbc-direct-stamped-protected")).contains("Rule 'stamp'");
        assertThat(run.result("mysql-r2dbc-direct-dev")).contains("R2dbcPermissionDeniedException",
                "testguard refused a connection to jdbc:mysql://localhost:3306/" + dbs.myDev);
        assertThat(run.result("r2dbc-proxy-dev")).contains("R2dbcPermissionDeniedException",
                "testguard refused a connection to jdbc:postgresql://localhost:5432/" + dbs.pgDev);
        // judged on the guard's thread, not the event loop's: the refusal arrives as the inner create()'s error
        assertThat(run.result("r2dbc-eventloop-dev")).contains("R2dbcPermissionDeniedException",
                "testguard refused a connection to jdbc:postgresql://localhost:5432/" + dbs.pgDev);
        assertThat(run.result("r2dbc-nothing-listens")).contains("testguard refused an R2DBC connection factory for "
                + "jdbc:postgresql://localhost:1/" + dbs.pgTest, "could not run its live checks",
                "-Dtestguard.runtime=false");
        assertThat(run.stdout().split("could not run its live checks", -1)).as("only where nothing listens")
                .hasSize(2);
        assertThat(run.linesNotIn(unguarded)).as("stderr lines only the guarded JVM printed\n" + run.describe())
                .isEmpty();
        assertThat(dbs.rowCounts()).isEqualTo(before);
    }

    /**
     * Logins the server rejects and URLs the driver reads otherwise than the guard, with the real drivers: a
     * database the static rules refuse is refused and recorded whatever the driver does next (a rejected login
     * included), and a URL MariaDB Connector/J cannot read the way the guard does is refused before the driver runs,
     * so its own message (which quotes a user info's password) is never shown.
     */
    @org.junit.jupiter.api.Test
    void rejectedLoginsAndUrlsTheDriverReadsOtherwiseAreRefusedAndRecorded() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        String user = dbs.myPasswordUser;
        String maria = "jdbc:mariadb://localhost:3306/";
        String userInfo = user + ":" + SECRET + "@localhost:3306/";
        add(lines, expected, "maria-dm-dev-rejected", "dm", maria + dbs.myDev, user, SECRET, "REFUSED 28000");
        add(lines, expected, "maria-url-dev-rejected", "dm-url", maria + dbs.myDev + "?user=" + user + "&password="
                + SECRET, "", "", "REFUSED 28000");
        add(lines, expected, "maria-ds-dev-rejected", "mariadbds", maria + dbs.myDev, user, SECRET, "REFUSED 28000");
        add(lines, expected, "maria-userinfo-test", "dm-url", "jdbc:mariadb://" + userInfo + dbs.myTest, "", "",
                "REFUSED 28000");
        add(lines, expected, "maria-userinfo-dev", "dm-url", "jdbc:mariadb://" + userInfo + dbs.myDev, "", "",
                "REFUSED 28000");
        String my = "jdbc:mysql://localhost:3306/";
        add(lines, expected, "my-cj-dev-rejected", "dm", my + dbs.myDev, user, SECRET, "REFUSED 28000");
        add(lines, expected, "my-ds-dev-rejected", "mysqlds", my + dbs.myDev, user, SECRET, "REFUSED 28000");
        add(lines, expected, "my-userinfo-dev", "dm-url", "jdbc:mysql://" + userInfo + dbs.myDev, "", "",
                "REFUSED 28000");
        add(lines, expected, "my-userinfo-test", "dm-url", "jdbc:mysql://" + userInfo + dbs.myTest, "", "",
                "FAILED java.sql.SQLException: Access denied");
        // PostgreSQL trusts local logins whatever the password: a role that does not exist is rejected
        String role = user + "_norole";
        String pg = "jdbc:postgresql://localhost:5432/";
        add(lines, expected, "pg-dm-dev-rejected", "dm", pg + dbs.pgDev, role, SECRET, "REFUSED 28000");
        add(lines, expected, "pg-simple-dev-rejected", "pgsimple", pg + dbs.pgDev, role, SECRET, "REFUSED 28000");
        add(lines, expected, "pg-test-rejected", "dm", pg + dbs.pgTest, role, SECRET, "FAILED org.postgresql");
        // PgJDBC reads the user info as part of the host name: it would look up host 'role:SECRET@localhost'
        add(lines, expected, "pg-userinfo-test", "dm-url", "jdbc:postgresql://" + role + ":" + SECRET
                + "@localhost:5432/" + dbs.pgTest, "", "", "REFUSED 28000");
        Map<String, Long> before = dbs.rowCounts();
        String token = "e2e" + UUID.randomUUID().toString().substring(0, 8);
        Path records = dir.resolve("records");

        GuardedRun run = GuardedRun.launch(Path.of(System.getProperty("java.home")), dir, options(token, records),
                lines);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        expected.forEach((name, outcome) ->
                assertThat(run.result(name)).as(name + "\n" + run.describe()).startsWith(outcome));
        assertThat(run.result("maria-dm-dev-rejected")).contains("testguard refused a connection to jdbc:mariadb://"
                + "localhost:3306/" + dbs.myDev, "Rule 'name'");
        assertThat(run.result("maria-userinfo-test")).contains("MariaDB Connector/J", "-Dtestguard.runtime=false");
        assertThat(run.result("pg-userinfo-test")).contains("PgJDBC reads this URL otherwise than testguard");
        assertThat(run.stdout() + run.stderr()).doesNotContain(SECRET);
        assertThat(dbs.rowCounts()).isEqualTo(before);
        List<RuntimeRecord> recorded = RuntimeRecords.read(records, token);
        List<String> refused = recorded.stream().filter(RuntimeRecord::isRefusal).map(r -> r.database() + " "
                + r.url()).collect(Collectors.toList());
        for (String db : List.of("mariadb://localhost:3306/" + dbs.myDev, "mysql://localhost:3306/" + dbs.myDev,
                "postgresql://localhost:5432/" + dbs.pgDev,
                "mariadb://" + user + ":****@localhost:3306/" + dbs.myTest)) {
            assertThat(refused).as("a refusal recorded for " + db).anyMatch(d -> d.contains(db));
        }
        try (Stream<Path> files = Files.list(records)) {
            for (Path f : files.collect(Collectors.toList())) {
                assertThat(Files.readString(f)).doesNotContain(SECRET);
            }
        }
    }

    /** The test class path without its JDBC drivers: PgJDBC, MariaDB Connector/J, MySQL Connector/J. */
    private static String classpathWithoutJdbcDrivers() {
        List<String> all = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        List<String> kept = all.stream().filter(e -> !Path.of(e).getFileName().toString()
                .matches("(postgresql-\\d|mariadb-java-client-|mysql-connector-j-).*\\.jar"))
                .collect(Collectors.toList());
        assertThat(kept).as("the three JDBC drivers on the test class path").hasSize(all.size() - 3);
        return String.join(File.pathSeparator, kept);
    }

    private void checkRecords(List<RuntimeRecord> recorded, String token) throws Exception {
        assertThat(recorded).anyMatch(r -> r.event().equals(RuntimeRecord.ARMED) && r.token().equals(token));
        List<String> refusedDatabases = recorded.stream().filter(RuntimeRecord::isRefusal)
                .map(r -> r.database() + " " + r.url()).collect(Collectors.toList());
        for (String db : List.of(dbs.pgDev, dbs.pgStampedProtected, dbs.pgBig, dbs.myDev)) {
            assertThat(refusedDatabases).anyMatch(d -> d.contains(db));
        }
        assertThat(recorded).filteredOn(RuntimeRecord::isRefusal).filteredOn(r -> r.event().equals(
                RuntimeRecord.CONNECTION)).allMatch(r -> TEST_CLASS.equals(r.testClass()));
        assertThat(recorded).as("the live check that could not run is an error of the guard (the build fails)")
                .anyMatch(r -> !r.event().equals(RuntimeRecord.CONNECTION) && r.isRefusal()
                        && String.valueOf(r.url()).contains(dbs.myUnreadableStamp));
        assertThat(recorded).anyMatch(r -> !r.isRefusal() && r.event().equals(RuntimeRecord.CONNECTION)
                && String.valueOf(r.url()).contains(dbs.pgTest) && TEST_CLASS.equals(r.testClass()));
        try (Stream<Path> files = Files.list(dir.resolve("records"))) {
            for (Path f : files.collect(Collectors.toList())) {
                assertThat(Files.readString(f)).doesNotContain(SECRET);
            }
        }
    }

    private static List<String> scenarios(Map<String, String> expected) {
        List<String> lines = new ArrayList<>();
        String pg = "jdbc:postgresql://localhost:5432/";
        String my = "jdbc:mysql://localhost:3306/";
        String maria = "jdbc:mariadb://localhost:3306/";
        // R2DBC first, so no JDBC scenario has judged these databases yet: the live rules run over R2DBC's own probe
        String r2dbc = "r2dbc:postgresql://postgres@localhost:5432/";
        add(lines, expected, "r2dbc-test-stamped-protected", "r2dbc", r2dbc + dbs.pgStampedProtected, "", "REFUSED");
        add(lines, expected, "r2dbc-test-over-maxrows", "r2dbc", r2dbc + dbs.pgBig, "", "REFUSED");
        add(lines, expected, "r2dbc-neutral-stamped-test", "r2dbc", r2dbc + dbs.pgNeutral, "", "OK");
        add(lines, expected, "pg-dm-dev", "dm", pg + dbs.pgDev + "?password=" + SECRET, "postgres", "REFUSED 28000");
        add(lines, expected, "pg-dm-swallowed", "dm-swallowed", pg + dbs.pgDev, "postgres", "OK");
        add(lines, expected, "pg-dm-test", "dm", pg + dbs.pgTest, "postgres", "OK");
        add(lines, expected, "pg-simple-dev", "pgsimple", pg + dbs.pgDev, "postgres", "REFUSED 28000");
        add(lines, expected, "pg-hikari-dev", "hikari", pg + dbs.pgDev, "postgres", "REFUSED 28000");
        add(lines, expected, "pg-hikari-test", "hikari", pg + dbs.pgTest, "postgres", "OK");
        add(lines, expected, "pg-neutral-stamped-test", "dm", pg + dbs.pgNeutral, "postgres", "OK");
        add(lines, expected, "pg-test-stamped-protected", "dm", pg + dbs.pgStampedProtected, "postgres",
                "REFUSED 28000");
        add(lines, expected, "pg-test-over-maxrows", "dm", pg + dbs.pgBig, "postgres", "REFUSED 28000");
        add(lines, expected, "my-cj-dev", "dm", my + dbs.myDev, "root", "REFUSED 28000");
        add(lines, expected, "my-cj-test", "dm", my + dbs.myTest, "root", "OK");
        add(lines, expected, "my-mysqlds-dev", "mysqlds", my + dbs.myDev, "root", "REFUSED 28000");
        add(lines, expected, "maria-ds-dev", "mariadbds", maria + dbs.myDev, "root", "REFUSED 28000");
        add(lines, expected, "maria-ds-test", "mariadbds", maria + dbs.myTest, "root", "OK");
        add(lines, expected, "h2-mem", "dm", "jdbc:h2:mem:e2e", "sa", "OK");
        add(lines, expected, "maria-unreadable-stamp", "dm", maria + dbs.myUnreadableStamp, dbs.myUnreadableUser,
                "REFUSED 28000");
        add(lines, expected, "r2dbc-direct-dev", "r2dbc-direct", "r2dbc:postgresql://postgres@localhost:5432/"
                + dbs.pgDev, "", "REFUSED");
        add(lines, expected, "r2dbc-direct-test", "r2dbc-direct", "r2dbc:postgresql://postgres@localhost:5432/"
                + dbs.pgTest, "", "OK");
        add(lines, expected, "r2dbc-dev", "r2dbc", "r2dbc:postgresql://postgres@localhost:5432/" + dbs.pgDev, "",
                "REFUSED");
        add(lines, expected, "r2dbc-test", "r2dbc", "r2dbc:postgresql://postgres@localhost:5432/" + dbs.pgTest, "",
                "OK");
        return lines;
    }

    /** The scenarios that may run unguarded: those that reach test databases only. */
    private static List<String> harmless(List<String> scenarios, Map<String, String> expected) {
        return scenarios.stream().filter(line -> expected.get(line.substring(0, line.indexOf('|'))).equals("OK"))
                .filter(line -> !line.contains("swallowed")).collect(Collectors.toList());
    }

    private static void add(List<String> lines, Map<String, String> expected, String name, String kind, String url,
            String user, String outcome) {
        add(lines, expected, name, kind, url, user, "", outcome);
    }

    private static void add(List<String> lines, Map<String, String> expected, String name, String kind, String url,
            String user, String password, String outcome) {
        lines.add(String.join("|", name, kind, url, user, password));
        expected.put(name, outcome);
    }

    private Path options(String token, Path records) throws Exception {
        return options(dir, token, records);
    }

    /** The options file the build would write for a guarded JVM, in {@code dir}. */
    static Path options(Path dir, String token, Path records) throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        PolicySettings policy = PolicySettings.defaults(Path.of("").toAbsolutePath(), target, false)
                .withMaxRows(E2eDatabases.MAX_ROWS);
        AgentOptions options = new AgentOptions(token, records, guardClasspath(), policy, false, Duration.ofSeconds(5));
        Path file = dir.resolve("agent").resolve(AgentOptions.FILE_NAME);
        options.write(file);
        return file;
    }

    /** What the build puts there: the plugin's classes and its libraries, never a JDBC driver. */
    static List<Path> guardClasspath() {
        List<Path> entries = new ArrayList<>();
        entries.add(Path.of("target/classes").toAbsolutePath());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("byte-buddy-") || name.startsWith("jackson-")) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        return entries;
    }

    static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
