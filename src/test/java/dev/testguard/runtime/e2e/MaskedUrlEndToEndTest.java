package dev.testguard.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MariaDB Connector/J's data source and pool given a URL they cannot read, by {@code setUrl} or their constructor,
 * then asked for a connection, in a real guarded JVM: the driver's own exception, whether {@code setUrl}, the
 * constructor or (for a URL the constructor accepted unread) the later getConnection() throws it, which shows the
 * URL's password, is replaced by the masked one
 * (message, toString and the whole printed stack with its causes show no password; the same JVM without the agent
 * shows it), and a valid URL still connects to a {@code *_test} database, as without the guard.
 */
class MaskedUrlEndToEndTest {

    private static final String SECRET = "S3cretUrlPw";
    private static final List<String> KINDS = List.of("masked-ds-seturl", "masked-ds-ctor", "masked-pool-seturl",
            "masked-pool-ctor");
    private static String database;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = "seturlmask_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_test";
        execute("CREATE DATABASE " + database);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    static Stream<Path> javaHomes() {
        return GuardEndToEndTest.javaHomes();
    }

    @ParameterizedTest
    @MethodSource("javaHomes")
    void theDriversExceptionShowsNoPasswordAndAValidUrlStillConnects(Path javaHome) throws Exception {
        List<String> bad = List.of("jdbc:mysql://localhost:3306/" + database + "?user=root&password=" + SECRET,
                "jdbc:mariadb://root:" + SECRET + "@localhost:3306/" + database,
                "jdbc:mariadb://localhost:3306/" + database + "?password=" + SECRET + "&connectTimeout=abc");
        List<String> lines = new ArrayList<>();
        for (String kind : KINDS) {
            for (int i = 0; i < bad.size(); i++) {
                lines.add(String.join("|", kind + "-bad" + i, kind, bad.get(i), "", ""));
            }
            lines.add(String.join("|", kind + "-valid", kind, E2eDatabases.MARIA + database, "root", ""));
        }
        String token = "e2e" + UUID.randomUUID().toString().substring(0, 8);
        Path records = dir.resolve("records");

        GuardedRun run = GuardedRun.launch(javaHome, dir, GuardEndToEndTest.options(dir, token, records), lines);
        GuardedRun unguarded = GuardedRun.launch(javaHome, dir, null, lines);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(unguarded.exitCode()).as(unguarded.describe()).isZero();
        for (String kind : KINDS) {
            assertThat(run.result(kind + "-valid")).as(kind + "\n" + run.describe()).isEqualTo("OK");
            assertThat(unguarded.result(kind + "-valid")).as(kind).isEqualTo("OK");
            for (int i = 0; i < bad.size(); i++) {
                String name = kind + "-bad" + i;
                assertThat(run.result(name)).as(name + ": as without the guard, the password masked\n"
                        + run.describe()).isEqualTo(unguarded.result(name).replace(SECRET, "****"));
            }
            assertThat(unguarded.result(kind + "-bad0")).as("the driver's own message, without the guard")
                    .startsWith("FAILED java.sql.SQLException: Wrong mariaDB url").contains(SECRET);
        }
        for (String thrownBySetUrlOrConstructor : List.of("masked-ds-seturl-bad1", "masked-pool-seturl-bad1",
                "masked-pool-ctor-bad1")) {
            assertThat(unguarded.result(thrownBySetUrlOrConstructor)).as(thrownBySetUrlOrConstructor)
                    .startsWith("FAILED java.sql.SQLException: Incorrect port value : " + SECRET);
        }
        assertThat(unguarded.result("masked-ds-ctor-bad1")).as("the constructor accepts it; getConnection() throws")
                .startsWith("FAILED java.sql.SQLException: Incorrect port value : " + SECRET);
        assertThat(unguarded.stdout()).as("the printed stacks without the guard").contains(SECRET);
        assertThat(run.stdout() + run.stderr()).as("message, toString and printed stacks\n" + run.describe())
                .doesNotContain(SECRET);
        assertThat(run.linesNotIn(unguarded)).as("stderr lines only the guarded JVM printed\n" + run.describe())
                .isEmpty();
        try (Stream<Path> files = Files.exists(records) ? Files.list(records) : Stream.empty()) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).doesNotContain(SECRET);
            }
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(E2eDatabases.MARIA, "root", "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
