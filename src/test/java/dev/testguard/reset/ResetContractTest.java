package dev.testguard.reset;

import dev.testguard.policy.TestClassifiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.PolicySettings;
import dev.testguard.probe.JdbcLiveProbe;
import dev.testguard.probe.Stamp;
import dev.testguard.probe.Stamper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reset must do on every vendor, against the real local servers and real files. */
abstract class ResetContractTest {

    @TempDir
    Path project;

    /** A new database whose name holds {@code nameToken} (e.g. {@code test} or {@code dev}); dropped after the test. */
    abstract DatabaseTarget newDatabase(String nameToken) throws Exception;

    abstract void dropAll() throws Exception;

    /** A table {@code items(id, label)} as the vendor writes it. */
    String createItems() {
        return "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(50))";
    }

    /** Makes the estimate of rows catch up after inserts. */
    void analyze(DatabaseTarget db) throws SQLException {
    }

    String initScript() {
        return "-- schema\nCREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(50));\n\nINSERT INTO items VALUES (1, 'a;b');\n"
                + "INSERT INTO items VALUES (2, 'it''s');\n";
    }

    PolicySettings settings() {
        Path elsewhere = Path.of("/nonexistent-testguard-dir");
        return PolicySettings.defaults(project, project.resolve("target"), false)
                .withDirectories(project, elsewhere.resolve("target"), elsewhere.resolve("tmp"), elsewhere)
                .withMaxRows(20);
    }

    @AfterEach
    void cleanUp() throws Exception {
        dropAll();
    }

    Resetter resetter() {
        return new Resetter(project, "g:a", Clock.systemUTC());
    }

    ResetGuard guard() {
        return new ResetGuard(TestClassifiers.standard(settings(), new JdbcLiveProbe(Duration.ofSeconds(5), project), null));
    }

    static DiscoveredUrl candidate(DatabaseTarget db) {
        return DiscoveredUrl.of("testguard.url", db.url().raw(), Provenance.commandLine("testguard.url"), null)
                .withCredentials(db.credentials());
    }

    ResetOptions options(BaselineMode mode, List<Path> scripts) throws ResetException {
        List<Path> inputs = new ArrayList<>(List.of(Path.of("src/main/resources/db/migration")));
        inputs.addAll(scripts);
        return new ResetOptions(mode, scripts, BaselineKey.of(project, inputs));
    }

    @Test
    void refusesProtectedStampedDevNamedAndUnstampedWithDataAndLeavesDataIntact() throws Exception {
        DatabaseTarget stamped = newDatabase("test");
        exec(stamped, createItems(), "INSERT INTO items VALUES (1, 'keep')");
        new Stamper(Clock.systemUTC(), "me@host", project).stamp(connectable(stamped), Stamp.Role.PROTECTED, null, null, 20,
                Duration.ofSeconds(5));
        DatabaseTarget devNamed = newDatabase("dev");
        exec(devNamed, createItems(), "INSERT INTO items VALUES (1, 'keep')");
        DatabaseTarget busy = newDatabase("test");
        exec(busy, createItems());
        for (int i = 0; i < 60; i++) {
            exec(busy, "INSERT INTO items VALUES (" + i + ", 'row')");
        }
        analyze(busy);

        for (DatabaseTarget db : List.of(stamped, devNamed, busy)) {
            assertThatThrownBy(() -> guard().approve(List.of(candidate(db))))
                    .isInstanceOf(ResetException.class)
                    .hasMessageContaining("refuses to reset: nothing was touched")
                    .hasMessageContaining("PROTECTED")
                    .hasMessageContaining("Fix:");
        }
        assertThat(count(stamped)).isEqualTo(1);
        assertThat(count(devNamed)).isEqualTo(1);
        assertThat(count(busy)).isEqualTo(60);
        // a single refused target refuses the whole reset, the safe one included
        DatabaseTarget fine = newDatabase("test");
        exec(fine, createItems(), "INSERT INTO items VALUES (1, 'x')");
        assertThatThrownBy(() -> guard().approve(List.of(candidate(fine), candidate(devNamed)))).isInstanceOf(ResetException.class);
        assertThat(count(fine)).isEqualTo(1);
        // and the resetter itself never empties a database stamped protected
        assertThatThrownBy(() -> resetter().reset(stamped, options(BaselineMode.IGNORE, List.of())))
                .hasMessageContaining("stamped protected");
        assertThat(count(stamped)).isEqualTo(1);
    }

    @Test
    void resetEmptiesAStampedTestDatabaseRunsInitScriptsAndStampsItTest() throws Exception {
        DatabaseTarget db = newDatabase("test");
        exec(db, createItems(), "INSERT INTO items VALUES (1, 'old')", "CREATE TABLE other (x INT)");
        assertThat(guard().approve(List.of(candidate(db))).targets()).hasSize(1);
        Path script = write("src/test/resources/init.sql", initScript());

        ResetOutcome outcome = resetter().reset(db, options(BaselineMode.IGNORE, List.of(Path.of("src/test/resources/init.sql"))));

        assertThat(outcome.action()).contains("ran 1 init script(s)");
        assertThat(labels(db)).containsExactly("a;b", "it's");
        assertThat(tableExists(db, "other")).isFalse();
        assertThat(TestStamps.read(connectable(db))).map(Stamp::role).contains(Stamp.Role.TEST);
        assertThat(script).exists();
    }

    @Test
    void aFailingInitScriptNamesFileAndLine() throws Exception {
        DatabaseTarget db = newDatabase("test");
        write("init/1.sql", "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(50));\n");
        write("init/2.sql", "INSERT INTO items VALUES (1, 'x');\n\n-- broken next\nINSERT INTO no_such_table\n VALUES (2);\n");

        assertThatThrownBy(() -> resetter().reset(db, options(BaselineMode.IGNORE, List.of(Path.of("init/1.sql"), Path.of("init/2.sql")))))
                .isInstanceOf(ResetException.class)
                .hasMessageContaining("init script init/2.sql:4 failed")
                .hasMessageContaining("INSERT INTO no_such_table");
    }

    @Test
    void baselineSaveAndRestoreGiveEqualContent() throws Exception {
        DatabaseTarget db = newDatabase("test");
        exec(db, createItems(), "INSERT INTO items VALUES (1, 'fixture')", "INSERT INTO items VALUES (2, 'fixture2')");
        ResetOutcome saved = resetter().reset(db, options(BaselineMode.SAVE, List.of()));
        assertThat(saved.action()).contains("saved");
        exec(db, "INSERT INTO items VALUES (3, 'from a test')", "DELETE FROM items WHERE id = 1", "CREATE TABLE junk (x INT)");

        ResetOutcome restored = resetter().reset(db, options(BaselineMode.USE, List.of()));

        assertThat(restored.action()).startsWith("restored the baseline");
        assertThat(labels(db)).containsExactly("fixture", "fixture2");
        assertThat(tableExists(db, "junk")).isFalse();
        assertThat(TestStamps.read(connectable(db))).map(Stamp::role).contains(Stamp.Role.TEST);
        // a second restore from the same baseline is as good as the first
        exec(db, "DELETE FROM items");
        resetter().reset(db, options(BaselineMode.USE, List.of()));
        assertThat(labels(db)).containsExactly("fixture", "fixture2");
        // ignore: empty, baseline untouched
        resetter().reset(db, options(BaselineMode.IGNORE, List.of()));
        assertThat(tableExists(db, "items")).isFalse();
        resetter().reset(db, options(BaselineMode.USE, List.of()));
        assertThat(labels(db)).containsExactly("fixture", "fixture2");
    }

    @Test
    void aBaselineBuiltByInitScriptsIsRebuiltWhenTheMigrationFilesChange() throws Exception {
        DatabaseTarget db = newDatabase("test");
        write("src/main/resources/db/migration/V1__items.sql", createItems() + ";\n");
        write("init.sql", "INSERT INTO items VALUES (1, 'v1');\n");
        List<Path> scripts = List.of(Path.of("src/main/resources/db/migration/V1__items.sql"), Path.of("init.sql"));

        ResetOutcome first = resetter().reset(db, options(BaselineMode.USE, scripts));
        assertThat(first.action()).contains("saved as the baseline");
        exec(db, "INSERT INTO items VALUES (9, 'dirty')");
        ResetOutcome second = resetter().reset(db, options(BaselineMode.USE, scripts));
        assertThat(second.action()).startsWith("restored the baseline");
        assertThat(labels(db)).containsExactly("v1");

        write("src/main/resources/db/migration/V2__more.sql", "INSERT INTO items VALUES (2, 'v2');\n");
        List<Path> more = List.of(scripts.get(0), Path.of("src/main/resources/db/migration/V2__more.sql"), Path.of("init.sql"));
        ResetOutcome third = resetter().reset(db, options(BaselineMode.USE, more));

        assertThat(third.action()).contains("stale baseline was rebuilt");
        assertThat(labels(db)).containsExactly("v1", "v2");
        exec(db, "DELETE FROM items");
        assertThat(resetter().reset(db, options(BaselineMode.USE, more)).action()).startsWith("restored the baseline");
        assertThat(labels(db)).containsExactly("v1", "v2");
    }

    @Test
    void aStaleBaselineAUserSavedIsNotUsedAndSaysHowToResave() throws Exception {
        DatabaseTarget db = newDatabase("test");
        exec(db, createItems(), "INSERT INTO items VALUES (1, 'old schema')");
        resetter().reset(db, options(BaselineMode.SAVE, List.of()));
        write("src/main/resources/db/migration/V2__new.sql", "ALTER TABLE items ADD COLUMN extra INT;\n");

        ResetOutcome outcome = resetter().reset(db, options(BaselineMode.USE, List.of()));

        assertThat(outcome.warning()).contains("is stale").contains("-Dtestguard.baseline=save");
        assertThat(tableExists(db, "items")).isFalse();
    }

    // ---- helpers

    /**
     * {@code runs} threads reset {@code db} (which has a baseline of two fixture rows) at once, {@code rounds} times:
     * they take turns, so every run restores it, and after each round the database is there with its fixture.
     */
    void concurrentBaselineResets(DatabaseTarget db, int runs, int rounds) throws Exception {
        exec(db, createItems(), "INSERT INTO items VALUES (1, 'fixture')", "INSERT INTO items VALUES (2, 'fixture2')");
        resetter().reset(db, options(BaselineMode.SAVE, List.of()));
        ResetOptions use = options(BaselineMode.USE, List.of());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(runs);
        try {
            for (int round = 1; round <= rounds; round++) {
                exec(db, "INSERT INTO items VALUES (" + (100 + round) + ", 'from a test')");
                List<java.util.concurrent.Future<ResetOutcome>> results = new ArrayList<>();
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                for (int r = 0; r < runs; r++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return resetter().reset(db, use);
                    }));
                }
                go.countDown();
                for (java.util.concurrent.Future<ResetOutcome> result : results) {
                    // they take turns, so each one succeeds (one that could not would fail with a message, never lie)
                    assertThat(result.get().action()).as("round " + round).startsWith("restored the baseline");
                }
                assertThat(labels(db)).as("round " + round).containsExactly("fixture", "fixture2");
                assertThat(TestStamps.read(connectable(db))).as("round " + round).map(Stamp::role).contains(Stamp.Role.TEST);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    DatabaseTarget connectable(DatabaseTarget db) throws Exception {
        return VendorResets.forTarget(db, project).connectable(db);
    }

    Path write(String relative, String content) throws Exception {
        Path p = project.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    void exec(DatabaseTarget db, String... sql) throws Exception {
        try (Connection c = Connections.open(connectable(db), Duration.ofSeconds(10)); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    long count(DatabaseTarget db) throws Exception {
        try (Connection c = Connections.open(connectable(db), Duration.ofSeconds(10)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM items")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> labels(DatabaseTarget db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = Connections.open(connectable(db), Duration.ofSeconds(10)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT label FROM items ORDER BY label DESC")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        out.sort(null);
        return out;
    }

    boolean tableExists(DatabaseTarget db, String table) throws Exception {
        try (Connection c = Connections.open(connectable(db), Duration.ofSeconds(10));
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
        }
        return false;
    }
}
