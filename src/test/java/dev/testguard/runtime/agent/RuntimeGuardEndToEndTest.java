package dev.testguard.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.testguard.policy.PolicySettings;
import dev.testguard.probe.MysqlStampStore;
import dev.testguard.probe.PostgresStampStore;
import dev.testguard.probe.Stamp;
import dev.testguard.runtime.AgentOptions;
import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import dev.testguard.runtime.arm.ArgLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The runtime guard in a real test JVM, without Maven: the boot jar, an options file and a child {@code java
 * -javaagent} that opens connections with the real PgJDBC, Connector/J, MariaDB Connector/J, HikariCP and
 * r2dbc-postgresql against the local servers.
 */
class RuntimeGuardEndToEndTest {

    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final String PG_DEV = "tg_agent_" + RUN + "_dev";
    private static final String PG_TEST = "tg_agent_" + RUN + "_test";
    private static final String PG_NEUTRAL = "tg_agent_" + RUN + "_orders";
    private static final String PG_TEST_PROTECTED = "tg_agent_" + RUN + "_prot_test";
    private static final String MARIA_DEV = "tg_agent_" + RUN + "_dev";
    private static final String MARIA_TEST = "tg_agent_" + RUN + "_test";

    @BeforeAll
    static void createDatabases() throws SQLException {
        for (String db : List.of(PG_DEV, PG_TEST, PG_NEUTRAL, PG_TEST_PROTECTED)) {
            admin(pg("postgres"), "postgres", "CREATE DATABASE \"" + db + "\"");
            admin(pg(db), "postgres", "CREATE TABLE t (id int)", "INSERT INTO t VALUES (1), (2), (3)");
        }
        stamp(pg(PG_NEUTRAL), "postgres", Stamp.Role.TEST);
        stamp(pg(PG_TEST_PROTECTED), "postgres", Stamp.Role.PROTECTED);
        for (String db : List.of(MARIA_DEV, MARIA_TEST)) {
            admin(maria(""), "root", "CREATE DATABASE `" + db + "`");
            admin(maria(db), "root", "CREATE TABLE t (id int)", "INSERT INTO t VALUES (1), (2), (3)");
        }
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        for (String db : List.of(PG_DEV, PG_TEST, PG_NEUTRAL, PG_TEST_PROTECTED)) {
            admin(pg("postgres"), "postgres", "DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
        }
        for (String db : List.of(MARIA_DEV, MARIA_TEST)) {
            admin(maria(""), "root", "DROP DATABASE IF EXISTS `" + db + "`");
        }
    }

    static Stream<Path> javaHomes() {
        List<Path> homes = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        Path temurin25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
        if (Files.isExecutable(temurin25.resolve("bin/java"))) {
            homes.add(temurin25);
        }
        return homes.stream();
    }

    @ParameterizedTest
    @MethodSource("javaHomes")
    void refusesWhatIsNotATestDatabaseWhateverOpensIt(Path javaHome) throws Exception {
        Path work = Files.createTempDirectory("tg-agent-e2e");
        String token = "e2e" + RUN + javaHome.getFileName().toString().replaceAll("[^A-Za-z0-9]", "");
        Child child = runChild(javaHome, work, token);

        Map<String, String> results = child.results();
        assertThat(child.stdout).contains("MARKER armed:" + token);
        assertThat(results).containsEntry("pg-drivermanager-test", "ALLOWED")
                .containsEntry("pg-drivermanager-test-again", "ALLOWED")
                .containsEntry("pg-neutral-stamped-test", "ALLOWED").containsEntry("h2-mem", "ALLOWED")
                .containsEntry("connectorj-test", "ALLOWED").containsEntry("mariadb-datasource-test", "ALLOWED")
                .containsEntry("hikari-test", "ALLOWED").containsEntry("r2dbc-test", "ALLOWED");
        for (String refused : List.of("pg-drivermanager-dev", "pg-simple-datasource-dev", "pg-test-stamped-protected",
                "connectorj-dev", "mariadb-datasource-dev", "hikari-dev", "r2dbc-dev")) {
            assertThat(results.get(refused)).as(refused)
                    .startsWith("REFUSED 28000 testguard refused a connection to ")
                    .contains("it is not a test database.").contains("-Dtestguard.runtime=false");
        }
        assertThat(results.get("pg-drivermanager-dev")).contains("-Dtestguard.allow=localhost:5432/" + PG_DEV);
        assertThat(results.get("pg-test-stamped-protected")).contains("Rule 'stamp'");
        assertThat(rows(pg(PG_DEV), "postgres")).isEqualTo(3);
        assertThat(rows(maria(MARIA_DEV), "root")).isEqualTo(3);
        assertThat(child.stderrLines()).as("stderr of the guarded JVM").isEmpty();

        List<RuntimeRecord> records = RuntimeRecords.read(work.resolve("records"), token);
        assertThat(records).anyMatch(r -> r.event().equals(RuntimeRecord.ARMED));
        assertThat(records).filteredOn(RuntimeRecord::isRefusal).extracting(RuntimeRecord::url)
                .anyMatch(u -> u.contains(PG_DEV)).anyMatch(u -> u.contains(MARIA_DEV))
                .anyMatch(u -> u.contains(PG_TEST_PROTECTED));
        assertThat(records).filteredOn(r -> RuntimeRecord.CONNECTION.equals(r.event()) && !r.isRefusal())
                .extracting(RuntimeRecord::url).anyMatch(u -> u.contains(PG_TEST)).anyMatch(u -> u.contains("h2:mem"));
        assertThat(records).filteredOn(r -> r.testClass() != null).extracting(RuntimeRecord::testClass)
                .contains(GuardedConnectionsMain.class.getName());
        assertThat(records).noneMatch(r -> RuntimeRecord.ERROR.equals(r.event()));
    }

    private record Child(String stdout, String stderr) {
        Map<String, String> results() {
            Map<String, String> map = new LinkedHashMap<>();
            for (String line : stdout.split("\n")) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ", 3);
                    map.put(parts[1], parts[2]);
                }
            }
            return map;
        }

        List<String> stderrLines() {
            // the libraries' own output is not the guard's business: SLF4J without a provider, and JDK 24+'s
            // warning about Netty's use of sun.misc.Unsafe (the block naming io.netty)
            String others = stderr.replaceAll("WARNING: A terminally deprecated method in sun\\.misc\\.Unsafe has been "
                    + "called\\R(WARNING: [^\\r\\n]*io\\.netty[^\\r\\n]*\\R){2}WARNING: [^\\r\\n]*will be removed[^\\r\\n]*\\R", "");
            return others.lines().filter(l -> !l.isBlank() && !l.startsWith("SLF4J")).collect(Collectors.toList());
        }
    }

    private Child runChild(Path javaHome, Path work, String token) throws Exception {
        Path agentJar = AgentJar.write(work.resolve("agent"));
        Path options = work.resolve("agent").resolve(AgentOptions.FILE_NAME);
        PolicySettings policy = PolicySettings.defaults(Path.of("").toAbsolutePath(),
                Path.of("target").toAbsolutePath(), false);
        new AgentOptions(token, work.resolve("records"), guardClasspath(), policy, false, Duration.ofSeconds(5))
                .write(options);
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(),
                ArgLine.agentOption(agentJar, options, null)));
        if (featureVersion(javaHome) >= 24) {
            // Netty (r2dbc-postgresql) loads a native library: JDK 24+ warns about it, guard or no guard
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GuardedConnectionsMain.class.getName(),
                PG_DEV, PG_TEST, PG_NEUTRAL, PG_TEST_PROTECTED, MARIA_DEV, MARIA_TEST));
        Process process = new ProcessBuilder(command).redirectOutput(work.resolve("out").toFile())
                .redirectError(work.resolve("err").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("child finished").isTrue();
        Child child = new Child(Files.readString(work.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(work.resolve("err"), StandardCharsets.UTF_8));
        assertThat(process.exitValue()).as(child.stdout + child.stderr).isZero();
        return child;
    }

    static int featureVersion(Path javaHome) throws java.io.IOException {
        for (String line : Files.readAllLines(javaHome.resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=")) {
                String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                return Integer.parseInt(version.split("[.+-]")[0]);
            }
        }
        return 17;
    }

    /** What the build hands over: the plugin's classes and libraries, no driver (unrelocated Byte Buddy here). */
    static List<Path> guardClasspath() throws Exception {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of("target/classes").toAbsolutePath());
        for (Class<?> c : List.of(ByteBuddy.class, ObjectMapper.class, JsonFactory.class, JsonInclude.class)) {
            paths.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        return paths;
    }

    static String pg(String db) {
        return "jdbc:postgresql://localhost:5432/" + db;
    }

    static String maria(String db) {
        return "jdbc:mariadb://localhost:3306/" + db;
    }

    static void admin(String url, String user, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    static void stamp(String url, String user, Stamp.Role role) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            Stamp stamp = new Stamp(role, Instant.now(), "RuntimeGuardEndToEndTest", null);
            if (url.startsWith("jdbc:postgresql")) {
                new PostgresStampStore().write(c, stamp);
            } else {
                new MysqlStampStore().write(c, stamp);
            }
        }
    }

    static long rows(String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
