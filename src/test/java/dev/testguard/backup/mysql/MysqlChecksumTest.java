package dev.testguard.backup.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupEngine;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.Progress;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.RowCheck;
import dev.testguard.backup.VerifyBackupCommand;
import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MysqlChecksumTest {

    @TempDir
    Path dir;

    private MariaDbFixture fixture;
    private DatabaseTarget source;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void createSource() throws Exception {
        fixture = new MariaDbFixture();
        source = fixture.newDatabase("sums");
        try (Connection c = MariaDbFixture.open(source.databaseName())) {
            SampleSchema.create(c, 300);
        }
    }

    @AfterEach
    void dropDatabases() throws Exception {
        fixture.close();
    }

    private Manifest backup(BackupEngine engine) throws BackupException {
        return new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, progress::add,
                (t, o) -> engine, Clock.systemUTC(), Duration.ofSeconds(5)).run(List.of(source)).get(0);
    }

    private VerifyBackupCommand.Result verify(BiFunction<DatabaseTarget, BackupOptions, BackupEngine> engines) throws BackupException {
        return new VerifyBackupCommand(new BackupStore(dir), BackupOptions.DEFAULTS, progress::add, engines,
                Clock.systemUTC(), Duration.ofSeconds(5)).run("latest", source);
    }

    @Test
    void jdbcDumpChecksumsEveryAwkwardTypeAndVerifies() throws Exception {
        Manifest m = backup(new JdbcMysqlDumpEngine());
        assertThat(m.checksums()).containsOnlyKeys("audit", "bulk", "child", "empty_one", "parent");
        assertThat(m.checksums().values()).allMatch(s -> s.startsWith("row-sha256:"));

        VerifyBackupCommand.Result v = verify((t, o) -> new JdbcMysqlDumpEngine());
        String details = v.backup().manifest().verification().details();
        assertThat(v.passed()).as(details).isTrue();
        assertThat(v.checksumsCompared()).isEqualTo(5);
        assertThat(details).contains("5 of 5 tables checksum-verified");
    }

    @Test
    void verifyFailsNamingTheTableWhenOneValueDiffers() throws Exception {
        backup(new JdbcMysqlDumpEngine());
        // BINARY(4) keeps its length: only the content changes, the row count does not
        VerifyBackupCommand.Result v = verify((t, o) -> new Tampering(new JdbcMysqlDumpEngine(),
                "UPDATE child SET fixed = X'01020305' WHERE fixed = X'01020304'"));
        assertThat(v.passed()).isFalse();
        assertThat(v.rows()).allMatch(RowCheck::ok);
        assertThat(v.checksumMismatches()).containsExactly("child");
        assertThat(v.backup().manifest().verification().details()).contains("differ in content: child");
    }

    @Test
    void mariadbDumpChecksumsEveryTableAsTheJdbcDumpDoesAndVerifies() throws Exception {
        MysqlDumpEngine tool = MysqlDumpEngine.onPath().orElseThrow();
        Manifest m = backup(tool);
        assertThat(m.checksums()).containsOnlyKeys("audit", "bulk", "child", "empty_one", "parent");
        assertThat(m.checksums()).as("the same content, the same checksums").isEqualTo(backup(new JdbcMysqlDumpEngine()).checksums());
        VerifyBackupCommand.Result v = verify((t, o) -> tool);
        assertThat(v.passed()).as(v.backup().manifest().verification().details()).isTrue();
        assertThat(v.backup().manifest().verification().details()).contains("5 of 5 tables checksum-verified");
    }

    @Test
    void aMariadbDumpBackupWhoseRestoreDiffersInOneValueFailsVerification() throws Exception {
        MysqlDumpEngine tool = MysqlDumpEngine.onPath().orElseThrow();
        backup(tool);
        VerifyBackupCommand.Result v = verify((t, o) -> new Tampering(tool,
                "UPDATE child SET fixed = X'01020305' WHERE fixed = X'01020304'"));
        assertThat(v.passed()).isFalse();
        assertThat(v.rows()).allMatch(RowCheck::ok);
        assertThat(v.checksumMismatches()).containsExactly("child");
    }

    @Test
    void aTableWrittenToWhileTheDumpRunsGetsNoChecksumTheOthersDo() throws Exception {
        BracketChecksums sums = BracketChecksums.before(source, source.databaseName());
        MariaDbFixture.exec(source.databaseName(), "UPDATE child SET fixed = X'01020305' WHERE fixed = X'01020304'");
        assertThat(sums.after(progress::add)).containsOnlyKeys("audit", "bulk", "empty_one", "parent");
        assertThat(progress).anyMatch(l -> l.contains("written to while the dump ran, verified by row count only: child"));
    }

    /** Restores with the real engine, then changes the restored data as a faulty restore could. */
    private record Tampering(BackupEngine real, String sql) implements BackupEngine {
        @Override
        public String id() {
            return real.id();
        }

        @Override
        public BackupOutcome backup(DatabaseTarget s, Path payload, BackupOptions options, Progress p) throws BackupException {
            return real.backup(s, payload, options, p);
        }

        @Override
        public void restore(Path payload, DatabaseTarget target, BackupOptions options, Progress p) throws BackupException {
            real.restore(payload, target, options, p);
            try {
                MariaDbFixture.exec(target.databaseName(), sql);
            } catch (SQLException e) {
                throw new BackupException("tampering failed: " + e.getMessage(), e);
            }
        }
    }
}
