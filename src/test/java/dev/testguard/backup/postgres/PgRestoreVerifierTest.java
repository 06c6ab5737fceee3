package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.Progress;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RestoredContent;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.StoredBackup;
import dev.testguard.backup.TableChecksums;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification of a restore while pg_restore still runs (issue 10, restore performance): tables are counted and
 * checksummed as pg_restore reports their data loaded, and a changed row is still found, whichever way it was verified.
 */
class PgRestoreVerifierTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();

    @AfterEach
    void dropDatabases() throws Exception {
        dbs.close(); // a failed restore drops its new database itself (asserted below)
    }

    private DatabaseTarget source() throws Exception {
        DatabaseTarget t = dbs.create("verifier");
        PgRoundTripTest.createSchema(t);
        PgTestDb.exec(t, "CREATE SCHEMA other", "CREATE TABLE other.customer (id int)", "INSERT INTO other.customer VALUES (1), (2)",
                "CREATE TABLE parent (id int)", "CREATE TABLE child () INHERITS (parent)",
                "INSERT INTO parent VALUES (1)", "INSERT INTO child VALUES (2), (3)");
        return t;
    }

    private StoredBackup backup(DatabaseTarget t) throws Exception {
        BackupStore store = new BackupStore(dir);
        Manifest m = new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, Progress.SILENT).run(List.of(t)).get(0);
        return store.list().stream().filter(b -> b.id().equals(m.id())).findFirst().orElseThrow();
    }

    @Test
    void tablesAreVerifiedAsPgRestoreReportsThemLoadedInEitherModeAndAmbiguousOnesAtTheEnd() throws Exception {
        DatabaseTarget db = source();
        Manifest m = backup(db).manifest();
        for (boolean parallel : new boolean[] {true, false}) {
            PgRestoreVerifier v = new PgRestoreVerifier(db, m, parallel);
            if (parallel) {
                v.onToolLine("pg_restore: finished item 3357 TABLE DATA orders");
                v.onToolLine("pg_restore: finished item 3358 TABLE DATA customer"); // shop.customer and other.customer
                v.onToolLine("pg_restore: finished item 3359 TABLE DATA parent"); // has a child: counted at the end
            } else {
                v.onToolLine("pg_restore: processing data for table \"shop.orders\"");
                v.onToolLine("pg_restore: processing data for table \"shop.customer\"");
                v.onToolLine("pg_restore: warning: a notice in the middle of the load"); // not the next item
                v.onToolLine("pg_restore: processing data for table \"public.parent\"");
                v.onToolLine("pg_restore: creating CONSTRAINT \"shop.orders orders_pkey\"");
            }
            RestoredContent content;
            try (Connection c = Connections.open(db, Duration.ofSeconds(10))) {
                content = v.finish(m, c);
            }
            assertThat(v.verifiedAsLoaded()).as("parallel=" + parallel)
                    .containsExactlyElementsOf(parallel ? List.of("shop.orders") : List.of("shop.customer", "shop.orders"));
            assertThat(content.matches()).as(content.differences()).isTrue();
            assertThat(content.rows()).hasSize(m.rowCounts().size());
            assertThat(content.checksummed()).isEqualTo(m.checksums().size());
        }
    }

    /** What a count would hold up comes first: a table is verified once its primary key is built, in either mode. */
    @Test
    void aTableIsVerifiedOnlyOncePgRestoreReportsItsPrimaryKeyBuilt() throws Exception {
        DatabaseTarget db = source();
        Manifest m = backup(db).manifest();
        PgRestoreToc toc = PgRestoreToc.parse(List.of("10; 0 1 TABLE DATA shop orders app", "11; 0 2 TABLE DATA public parent app",
                "20; 2606 3 CONSTRAINT shop orders orders_pkey app"));
        for (boolean keyBuilt : new boolean[] {false, true}) {
            PgRestoreVerifier p = new PgRestoreVerifier(db, m, true, toc);
            p.onToolLine("pg_restore: launching item 10 TABLE DATA orders");
            p.onToolLine("pg_restore: finished item 10 TABLE DATA orders");
            p.onToolLine("pg_restore: launching item 20 CONSTRAINT orders orders_pkey");
            if (keyBuilt) {
                p.onToolLine("pg_restore: finished item 20 CONSTRAINT orders orders_pkey");
            }
            PgRestoreVerifier s = new PgRestoreVerifier(db, m, false, toc);
            s.onToolLine("pg_restore: processing data for table \"shop.orders\"");
            s.onToolLine("pg_restore: creating CONSTRAINT \"shop.orders orders_pkey\"");
            if (keyBuilt) {
                s.onToolLine("pg_restore: creating INDEX \"shop.orders_customer_idx\"");
            }
            for (PgRestoreVerifier v : List.of(p, s)) {
                RestoredContent content;
                try (Connection c = Connections.open(db, Duration.ofSeconds(10))) {
                    content = v.finish(m, c);
                }
                assertThat(v.verifiedAsLoaded()).as("key built: " + keyBuilt)
                        .containsExactlyElementsOf(keyBuilt ? List.of("shop.orders") : List.of());
                assertThat(content.matches()).as(content.differences()).isTrue();
                assertThat(content.rows()).hasSize(m.rowCounts().size());
            }
        }
    }

    @Test
    void aChangedRowOrAMissingRowIsFoundInTablesVerifiedAsLoaded() throws Exception {
        DatabaseTarget db = source();
        Manifest m = backup(db).manifest();
        PgTestDb.exec(db, "UPDATE shop.orders SET note = 'changed' WHERE id = 7", "DELETE FROM other.customer WHERE id = 2");
        PgRestoreVerifier v = new PgRestoreVerifier(db, m, false);
        v.onToolLine("pg_restore: processing data for table \"shop.orders\"");
        v.onToolLine("pg_restore: processing data for table \"other.customer\"");
        v.onToolLine("pg_restore: creating CONSTRAINT \"shop.orders orders_pkey\"");
        RestoredContent content;
        try (Connection c = Connections.open(db, Duration.ofSeconds(10))) {
            content = v.finish(m, c);
        }
        assertThat(v.verifiedAsLoaded()).containsExactly("other.customer", "shop.orders");
        assertThat(content.matches()).isFalse();
        assertThat(content.checksumMismatches()).containsExactly("other.customer", "shop.orders");
        assertThat(content.differences()).contains("other.customer (expected 2, found 1)");
    }

    @Test
    void aRowChangedAfterTheBackupFailsTheRestoreOverTheDatabaseWhicheverWayItIsVerified() throws Exception {
        for (int jobs : new int[] {2, 1}) {
            DatabaseTarget db = source();
            StoredBackup b = backup(db);
            // the manifest now describes a customer table with one row changed: the restored one differs from it
            PgTestDb.exec(db, "UPDATE shop.customer SET name = 'someone else' WHERE id = 2");
            Map<String, String> sums = new TreeMap<>(b.manifest().checksums());
            try (Connection c = Connections.open(db, Duration.ofSeconds(10))) {
                sums.putAll(TableChecksums.of(c, List.of("shop.customer")));
            }
            PgTestDb.exec(db, "UPDATE shop.customer SET name = 'O''Brien \\ tab\there' WHERE id = 2");
            Manifest m = b.manifest();
            new BackupStore(dir).rewriteManifest(b, new Manifest(m.formatVersion(), m.id(), m.status(), m.purpose(), m.database(),
                    m.engine(), m.tool(), m.toolVersion(), m.format(), m.payload(), m.startedAt(), m.finishedAt(), m.sizeBytes(),
                    m.sha256(), m.rowCounts(), sums, m.verification()));
            BackupOptions options = new BackupOptions(jobs, null);
            RestoreCommand restore = new RestoreCommand(new BackupStore(dir), new BackupCommand(new BackupStore(dir),
                    new RetentionPolicy(10, 30, null), options, Progress.SILENT), options, Progress.SILENT);

            assertThatThrownBy(() -> restore.run(b.id(), db, null, db.databaseName())).as("jobs=" + jobs)
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining("content checksums differ for shop.customer")
                    .hasMessageContaining("was not changed");
            assertThat(PgRoundTripTest.dumpRows(db, "SELECT name FROM shop.customer WHERE id = 2")).hasSize(1);
            assertThat(PgRoundTripTest.dumpRows(PgTestDb.target("postgres"), "SELECT datname FROM pg_database WHERE datname LIKE '"
                    + db.databaseName() + "\\_tg%'")).as("the new database is dropped again").isEmpty();
        }
    }
}
