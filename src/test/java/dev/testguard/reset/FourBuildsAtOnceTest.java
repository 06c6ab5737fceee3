package dev.testguard.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.mysql.MariaDbFixture;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.probe.Stamp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same destructive goal from four builds (four JVMs, each running the goal's domain class as its mojo does) at once,
 * {@link #ROUNDS} rounds, on PostgreSQL and MariaDB. After each round the database exists and holds exactly the
 * baseline (reset) or backed-up (restore) rows, keeps its owner (PostgreSQL) or grants (MariaDB) and its test stamp, and
 * every build that reported success saw the database present (checked holding the goal's lock).
 */
class FourBuildsAtOnceTest {

    static final int BUILDS = 4;
    static final int ROUNDS = Integer.getInteger("testguard.fourBuilds.rounds", 20);

    @TempDir
    Path dir;

    private final String token = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    private final String db = "tg_concur" + token + "_test";
    private final String role = "tg_concur" + token + "_owner";
    private final List<Process> builds = new ArrayList<>();
    private String vendor;

    @Test
    void fourPostgresResetsPerRoundLeaveTheBaseline() throws Exception {
        postgres();
        saveBaseline();
        rounds("reset", dir);
    }

    @Test
    void fourMariadbResetsPerRoundLeaveTheBaseline() throws Exception {
        mariadb();
        saveBaseline();
        rounds("reset", dir);
    }

    @Test
    void fourPostgresRestoresPerRoundLeaveTheBackup() throws Exception {
        postgres();
        rounds("restore", backup());
    }

    @Test
    void fourMariadbRestoresPerRoundLeaveTheBackup() throws Exception {
        mariadb();
        rounds("restore", backup());
    }

    /** Two builds reset and two restore the same database at once: they take turns on the database's lock. */
    @Test
    void postgresResetsAndRestoresAtOnceTakeTurns() throws Exception {
        postgres();
        resetsAndRestores();
    }

    @Test
    void mariadbResetsAndRestoresAtOnceTakeTurns() throws Exception {
        mariadb();
        resetsAndRestores();
    }

    /** The baseline and the backup hold the same rows, so whichever goal ran last, the database holds just those. */
    private void resetsAndRestores() throws Exception {
        saveBaseline();
        Path store = backup();
        for (int b = 0; b < BUILDS; b++) {
            start(b % 2 == 0 ? "reset" : "restore", b % 2 == 0 ? dir : store, b);
        }
        rounds("reset+restore");
    }

    private void rounds(String goal, Path workDir) throws Exception {
        for (int b = 0; b < BUILDS; b++) {
            start(goal, workDir, b);
        }
        rounds(goal);
    }

    private void start(String goal, Path workDir, int b) throws Exception {
        builds.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), GoalInChildJvm.class.getName(), goal, vendor, db, user(),
                workDir.toString()).redirectError(dir.resolveSibling(dir.getFileName() + "-build" + b + ".err").toFile())
                .start());
    }

    private void rounds(String goal) throws Exception {
        String identity = identity();
        long start = System.nanoTime();
        for (int round = 1; round <= ROUNDS; round++) {
            PgTestDb.exec(target(), "INSERT INTO items VALUES (" + (100 + round) + ", 'from a test')");
            for (Process build : builds) {
                Writer w = new java.io.OutputStreamWriter(build.getOutputStream(), StandardCharsets.UTF_8);
                w.write("go\n");
                w.flush();
            }
            for (Process build : builds) {
                assertThat(answer(build)).as(goal + " round " + round).startsWith("OK present=true ");
            }
            assertThat(labels()).as(goal + " round " + round).containsExactly("fixture", "fixture2");
            assertThat(TestStamps.read(target())).as(goal + " round " + round).map(Stamp::role).contains(Stamp.Role.TEST);
            assertThat(identity()).as(goal + " round " + round + ": owner and grants kept").isEqualTo(identity);
        }
        System.out.printf("%s on %s: %d builds x %d rounds in %d ms%n", goal, vendor, BUILDS, ROUNDS,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static String answer(Process build) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(build.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("OK ") || line.startsWith("FAIL ")) {
                return line;
            }
        }
        return "the build ended without answering (exit " + build.waitFor() + ")";
    }

    private void postgres() throws Exception {
        vendor = "pg";
        PgTestDb.exec(PgTestDb.target("postgres"), "CREATE ROLE " + role + " LOGIN CREATEDB",
                "CREATE DATABASE " + db + " OWNER " + role);
        fixture();
    }

    private void mariadb() throws Exception {
        vendor = "maria";
        MariaDbFixture.exec(null, "CREATE DATABASE " + db, "CREATE USER '" + role + "'@'localhost'",
                "GRANT SELECT, INSERT ON " + db + ".* TO '" + role + "'@'localhost'");
        fixture();
    }

    private void fixture() throws Exception {
        PgTestDb.exec(target(), "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(50))",
                "INSERT INTO items VALUES (1, 'fixture')", "INSERT INTO items VALUES (2, 'fixture2')");
        TestStamps.write(target(), new TestStamps(Clock.systemUTC(), "g:a").testStamp());
    }

    private void saveBaseline() throws Exception {
        new Resetter(dir, "g:a", Clock.systemUTC()).reset(target(), new ResetOptions(BaselineMode.SAVE, List.of(),
                BaselineKey.of(dir, List.of(Path.of("src/main/resources/db/migration")))));
    }

    private Path backup() throws Exception {
        Path store = dir.resolve("backups");
        new BackupCommand(new BackupStore(store), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, line -> { })
                .run(List.of(target()));
        return store;
    }

    private String user() {
        return vendor.equals("pg") ? role : "root";
    }

    private DatabaseTarget target() {
        return new DatabaseTarget(vendor.equals("pg") ? PgTestDb.url(db) : MariaDbFixture.url(db), new Credentials(user(), null));
    }

    /** PostgreSQL: the database's owner and the owner of its table; MariaDB: the grants a user holds on it. */
    private String identity() throws Exception {
        return vendor.equals("pg")
                ? String.join(",", rows(PgTestDb.target("postgres"), "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '"
                        + db + "'")) + "/" + String.join(",", rows(target(), "SELECT tableowner FROM pg_tables WHERE tablename = 'items'"))
                : String.join(",", rows(MariaDbFixture.target(null), "SHOW GRANTS FOR '" + role + "'@'localhost'"));
    }

    private List<String> labels() throws Exception {
        return rows(target(), "SELECT label FROM items ORDER BY id");
    }

    private static List<String> rows(DatabaseTarget t, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = Connections.open(t, Duration.ofSeconds(10)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Drops this run's database and every sibling the goals made of it (names starting with its unique prefix). */
    @AfterEach
    void dropMine() throws Exception {
        for (Process build : builds) {
            build.getOutputStream().close();
            if (!build.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                build.destroyForcibly();
            }
        }
        String prefix = "tg\\_concur" + token + "%";
        if ("pg".equals(vendor)) {
            for (String name : rows(PgTestDb.target("postgres"), "SELECT datname FROM pg_database WHERE datname LIKE '" + prefix + "'")) {
                PgTestDb.exec(PgTestDb.target("postgres"), "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            }
            PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE IF EXISTS " + role);
        } else if ("maria".equals(vendor)) {
            for (String name : rows(MariaDbFixture.target(null), "SELECT schema_name FROM information_schema.schemata"
                    + " WHERE schema_name LIKE '" + prefix + "'")) {
                PgTestDb.exec(MariaDbFixture.target(null), "DROP DATABASE IF EXISTS `" + name + "`");
            }
            PgTestDb.exec(MariaDbFixture.target(null), "DROP USER IF EXISTS '" + role + "'@'localhost'");
        }
    }
}
