package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupEngine;
import dev.testguard.backup.BackupEngines;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.Progress;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.TableChecksums;
import dev.testguard.backup.VerifyBackupCommand;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgChecksumTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void dropDatabases() throws Exception {
        dbs.close();
    }

    private Manifest backup(DatabaseTarget source) throws BackupException {
        return new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add)
                .run(List.of(source)).get(0);
    }

    private static Map<String, String> checksums(DatabaseTarget t, List<String> tables) throws Exception {
        try (Connection c = Connections.open(t, Duration.ofSeconds(10))) {
            return TableChecksums.of(c, tables);
        }
    }

    @Test
    void backupRecordsChecksumsAndVerifyComparesThem() throws Exception {
        DatabaseTarget source = dbs.create("sums");
        PgRoundTripTest.createSchema(source);
        Manifest m = backup(source);
        assertThat(m.checksums()).containsOnlyKeys("public.empty_table", "shop.customer", "shop.orders");
        assertThat(m.checksums().get("shop.orders")).startsWith("pg-hashsum:").isEqualTo(
                checksums(source, List.of("shop.orders")).get("shop.orders"));

        VerifyBackupCommand.Result v = new VerifyBackupCommand(new BackupStore(dir), BackupOptions.DEFAULTS, log::add)
                .run("latest", source);
        String details = v.backup().manifest().verification().details();
        assertThat(v.passed()).as(details).isTrue();
        assertThat(v.checksumsCompared()).isEqualTo(3);
        assertThat(v.checksumMismatches()).isEmpty();
        assertThat(details).contains("3 of 3 tables checksum-verified");
        // the manifest on disk keeps the checksums next to the verdict
        assertThat(new BackupStore(dir).list().get(0).manifest().checksums()).isEqualTo(m.checksums());
    }

    @Test
    void verifyFailsNamingTheTableWhenRestoredContentDiffersButCountsMatch() throws Exception {
        DatabaseTarget source = dbs.create("tamper");
        PgRoundTripTest.createSchema(source);
        backup(source);
        // a restore that loses one value but keeps every row
        VerifyBackupCommand verify = new VerifyBackupCommand(new BackupStore(dir), BackupOptions.DEFAULTS, log::add,
                (t, o) -> new Tampering(BackupEngines.forTarget(t, o),
                        "UPDATE shop.customer SET name = 'someone else' WHERE id = 2"),
                Clock.systemUTC(), Duration.ofSeconds(5));
        VerifyBackupCommand.Result v = verify.run("latest", source);
        Manifest.Verification verdict = v.backup().manifest().verification();
        assertThat(v.passed()).isFalse();
        assertThat(verdict.result()).isEqualTo(Manifest.Verification.FAILED);
        assertThat(v.rows()).allMatch(r -> r.ok());
        assertThat(v.checksumMismatches()).containsExactly("shop.customer");
        assertThat(verdict.details()).contains("differ in content: shop.customer").contains("3 of 3 tables checksum-verified");
    }

    @Test
    void checksumIgnoresPhysicalOrderButNotValues() throws Exception {
        DatabaseTarget db = dbs.create("order");
        PgTestDb.exec(db, "CREATE TABLE t (id int, v text, f float8)",
                "INSERT INTO t SELECT g, 'v' || g, g / 3.0 FROM generate_series(1, 200) g");
        String before = checksums(db, List.of("public.t")).get("public.t");
        // rewrites rows 1..50 to the end of the heap: same content, another physical order
        PgTestDb.exec(db, "UPDATE t SET v = v WHERE id <= 50");
        assertThat(checksums(db, List.of("public.t"))).containsEntry("public.t", before);
        PgTestDb.exec(db, "UPDATE t SET f = f + 1e-12 WHERE id = 7");
        assertThat(checksums(db, List.of("public.t")).get("public.t")).isNotEqualTo(before);
        assertThat(checksums(db, List.of("public.missing"))).isEmpty();
    }

    @Test
    void tablesAboveTheLimitAreCountedButNotChecksummed() throws Exception {
        DatabaseTarget source = dbs.create("big");
        PgTestDb.exec(source, "CREATE TABLE big (id int)", "CREATE TABLE small (id int)",
                "INSERT INTO big SELECT generate_series(1, " + (TableChecksums.MAX_ROWS + 1) + ")",
                "INSERT INTO small SELECT generate_series(1, " + TableChecksums.MAX_ROWS + ")");
        Manifest m = backup(source);
        assertThat(m.rowCounts()).containsEntry("public.big", TableChecksums.MAX_ROWS + 1);
        assertThat(m.checksums()).containsOnlyKeys("public.small");
        VerifyBackupCommand.Result v = new VerifyBackupCommand(new BackupStore(dir), BackupOptions.DEFAULTS, log::add)
                .run("latest", source);
        assertThat(v.passed()).as(v.backup().manifest().verification().details()).isTrue();
        assertThat(v.backup().manifest().verification().details()).contains("1 of 2 tables checksum-verified");
    }

    /** Restores with the real engine, then changes the restored data as a faulty restore could. */
    private record Tampering(BackupEngine real, String sql) implements BackupEngine {
        @Override
        public String id() {
            return real.id();
        }

        @Override
        public BackupOutcome backup(DatabaseTarget source, Path payload, BackupOptions options, Progress progress)
                throws BackupException {
            return real.backup(source, payload, options, progress);
        }

        @Override
        public void restore(Path payload, DatabaseTarget target, BackupOptions options, Progress progress) throws BackupException {
            real.restore(payload, target, options, progress);
            try {
                PgTestDb.exec(target, sql);
            } catch (java.sql.SQLException e) {
                throw new BackupException("tampering failed: " + e.getMessage(), e);
            }
        }
    }
}
