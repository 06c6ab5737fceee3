package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.StoredBackup;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.PostgresAdmin;
import dev.testguard.jdbc.Credentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproductions of issue 10 on the local PostgreSQL 15, each with a fingerprint (rows and content, database and
 * table owners, the database comment that holds the stamp, the database's oid) before and after.
 */
class PgRestoreSafetyTest {

    private static final String PROTECTED = "testguard:{\"role\":\"protected\",\"stampedAt\":\"2026-01-01T00:00:00Z\",\"stampedBy\":\"ops@prod\"}";

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private String owner;
    private String reader;
    private String db;

    @BeforeEach
    void ownerWithoutCreatedb() throws Exception {
        owner = PgTestDb.uniqueName("owner");
        reader = PgTestDb.uniqueName("reader");
        DatabaseTarget pg = PgTestDb.target("postgres");
        PgTestDb.exec(pg, "CREATE ROLE " + owner + " LOGIN NOCREATEDB", "CREATE ROLE " + reader);
        db = PgTestDb.uniqueName("orders");
        PgTestDb.exec(pg, "CREATE DATABASE " + db + " OWNER " + owner, "COMMENT ON DATABASE " + db + " IS '" + PROTECTED + "'",
                "GRANT CONNECT ON DATABASE " + db + " TO " + reader);
        dbs.willCreate(db);
        PgTestDb.exec(asOwner(),
                "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE orders (id int PRIMARY KEY, customer int REFERENCES customers(id), amount numeric(10,2))",
                "INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 50) g",
                "INSERT INTO orders SELECT g, 1 + g % 50, g * 1.25 FROM generate_series(1, 500) g",
                "GRANT SELECT ON orders TO " + reader);
    }

    @AfterEach
    void dropEverything() throws Exception {
        DatabaseTarget pg = PgTestDb.target("postgres");
        for (String leftover : PgRoundTripTest.dumpRows(pg, "SELECT datname FROM pg_database WHERE datname LIKE '" + db + "\\_tg%'")) {
            dbs.willCreate(leftover.replace("|", ""));
        }
        dbs.close();
        PgTestDb.exec(pg, "DROP ROLE IF EXISTS " + reader, "DROP ROLE IF EXISTS " + owner);
    }

    @Test
    void ownerWithoutCreatedbRestoresInPlaceKeepingDatabaseOwnersAndStamp() throws Exception {
        backup(asOwner());
        String atBackup = fingerprint();
        long oid = oid();
        PgTestDb.exec(asOwner(), "DELETE FROM orders WHERE id > 10", "CREATE TABLE after_backup (y int)");
        assertThat(fingerprint()).isNotEqualTo(atBackup);

        RestoreCommand.Result r = restore(asOwner());

        assertThat(r.rowsMatch()).isTrue();
        assertThat(r.content().checksummed()).isEqualTo(2);
        assertThat(fingerprint()).isEqualTo(atBackup);
        assertThat(oid()).as("restored in place: the very same database").isEqualTo(oid);
        assertThat(r.safetyBackup()).as("in place, the previous state is kept as a safety backup").isNotNull();
        assertThat(r.safetyBackup().manifest().rowCounts()).containsEntry("public.orders", 10L).containsKey("public.after_backup");
        assertThat(log).anyMatch(l -> l.contains("may not create databases: restoring in place"));
        assertThat(log).anyMatch(l -> l.startsWith("verified 2 tables of '" + db + "' against the manifest ("));
        assertThat(schemas()).containsExactly("public");
    }

    @Test
    void inPlaceRestoreIsVerifiedByTheVerifierAndPutBackWhenTheContentDiffers() throws Exception {
        backup(asOwner());
        BackupStore store = new BackupStore(dir);
        StoredBackup b = store.resolve("latest", db);
        Map<String, String> sums = new TreeMap<>(b.manifest().checksums());
        sums.put("public.orders", "tampered");
        Manifest m = b.manifest();
        store.rewriteManifest(b, new Manifest(m.formatVersion(), m.id(), m.status(), m.purpose(), m.database(), m.engine(),
                m.tool(), m.toolVersion(), m.format(), m.payload(), m.startedAt(), m.finishedAt(), m.sizeBytes(), m.sha256(),
                m.rowCounts(), sums, null));
        PgTestDb.exec(asOwner(), "DELETE FROM orders WHERE id > 10");
        String before = fingerprint();
        long oid = oid();

        assertThatThrownBy(() -> restore(asOwner())).isInstanceOf(BackupException.class)
                .hasMessageContaining("failed while verifying the restored content against the backup's manifest")
                .hasMessageContaining("content checksums differ for public.orders")
                .hasMessageContaining("The original schemas [public] were put back");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(oid()).isEqualTo(oid);
        assertThat(schemas()).containsExactly("public");
    }

    @Test
    void inPlaceSafetyBackupsInTheStoreArePrunedByKeepSafetyCopies() throws Exception {
        backup(asOwner());
        String atBackup = fingerprint();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PgTestDb.exec(asOwner(), "INSERT INTO customers VALUES (" + (1000 + i) + ", 'after backup')");
            made.add(restore(asOwner(), 1).safetyBackup().id());
            assertThat(fingerprint()).isEqualTo(atBackup);
        }

        assertThat(safetyBackups()).containsExactlyInAnyOrder(made.get(1), made.get(2));
        assertThat(log).anyMatch(l -> l.startsWith("safety copy dropped: '" + made.get(0) + "' (") && l.endsWith("(older than the newest 1 kept)"));
        assertThat(log).anyMatch(l -> l.startsWith("safety copy kept: '" + made.get(2) + "' (") && l.endsWith("(made by this restore)"));
        assertThat(log).anyMatch(l -> l.startsWith("safety copies of '" + db + "' now: 2, taking ")
                && l.endsWith("; to drop them by hand, delete their directories:"));
        assertThat(log).contains("    rm -r '" + dir.toAbsolutePath().normalize().resolve(made.get(2)) + "'");
        assertThat(new BackupStore(dir).list()).as("the backup restored from is never a safety copy")
                .anyMatch(s -> !Manifest.PURPOSE_SAFETY.equals(s.manifest().purpose()));
    }

    private List<String> safetyBackups() throws Exception {
        return new BackupStore(dir).list().stream().filter(s -> Manifest.PURPOSE_SAFETY.equals(s.manifest().purpose()))
                .map(StoredBackup::id).toList();
    }

    @Test
    void ownerWithoutCreatedbKeepsDatabaseAndDataWhenTheRestoreFails() throws Exception {
        backup(asOwner());
        PgTestDb.exec(asOwner(), "DELETE FROM orders WHERE id > 10", "REVOKE SELECT ON orders FROM " + reader);
        PgTestDb.exec(PgTestDb.target(db), "REVOKE CONNECT ON DATABASE " + db + " FROM " + reader);
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE " + reader); // the dump's GRANT to it now fails
        String before = fingerprint();
        long oid = oid();

        assertThatThrownBy(() -> restore(asOwner())).isInstanceOf(BackupException.class)
                .hasMessageContaining("failed while restoring in place")
                .hasMessageContaining("The original schemas [public] were put back")
                .hasMessageContaining("safety backup ");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(oid()).isEqualTo(oid);
        assertThat(schemas()).containsExactly("public");
    }

    @Test
    void restoreAsPostgresKeepsDatabaseOwnerTableOwnersGrantsAndStamp() throws Exception {
        DatabaseTarget asPostgres = PgTestDb.target(db);
        backup(asPostgres);
        String atBackup = fingerprint();
        PgTestDb.exec(asOwner(), "DELETE FROM orders WHERE id > 10");
        String changed = fingerprint();

        RestoreCommand.Result r = restore(asPostgres);

        assertThat(fingerprint()).isEqualTo(atBackup);
        assertThat(dumpRow("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + db + "'")).isEqualTo(owner);
        assertThat(PgRoundTripTest.dumpRows(PgTestDb.target(db), "SELECT string_agg(tableowner, ',') FROM pg_tables"
                + " WHERE schemaname = 'public'")).containsExactly(owner + "," + owner + "|");
        assertThat(dumpRow("SELECT has_database_privilege('" + reader + "', '" + db + "', 'CONNECT')")).isEqualTo("true");
        String safety = dumpRow("SELECT datname FROM pg_database WHERE datname LIKE '" + db + "\\_tgsafe\\_%'");
        assertThat(r.safetyCopy()).contains(safety);
        assertThat(fingerprintOf(safety)).as("the previous database, whole, renamed").isEqualTo(changed);
    }

    @Test
    void failureMidRestoreLeavesTheOriginalAndNamesWhatHappened() throws Exception {
        DatabaseTarget asPostgres = PgTestDb.target(db);
        backup(asPostgres);
        PgTestDb.exec(asOwner(), "DELETE FROM orders WHERE id > 10", "REVOKE SELECT ON orders FROM " + reader);
        PgTestDb.exec(asPostgres, "REVOKE CONNECT ON DATABASE " + db + " FROM " + reader);
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE " + reader);
        String before = fingerprint();
        long oid = oid();

        assertThatThrownBy(() -> restore(asPostgres)).isInstanceOf(BackupException.class)
                .hasMessageContaining("failed while restoring into the new database '" + db + "_tgnew_")
                .hasMessageContaining("'" + db + "' was not changed")
                .hasMessageContaining("was dropped");
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(oid()).isEqualTo(oid);
        assertThat(dumpRow("SELECT count(*) FROM pg_database WHERE datname LIKE '" + db + "\\_tg%'")).isEqualTo("0");
    }

    /**
     * One byte flipped (same size) at the payload's start, middle and end: wherever pg_restore would notice it (at once,
     * mid-load, not at all), the restore fails with the SHA-256 message, the new database it made is gone, and the
     * original keeps its rows, owners, stamp, oid and lock.
     */
    @Test
    void corruptPayloadLeavesTheOriginalWholeAndNoNewDatabase() throws Exception {
        DatabaseTarget asPostgres = PgTestDb.target(db);
        backup(asPostgres);
        PgTestDb.exec(asOwner(), "DELETE FROM orders WHERE id > 10");
        String before = fingerprint();
        long oid = oid();
        withEachByteFlipped(at -> {
            assertThatThrownBy(() -> restore(asPostgres)).as("byte %d flipped", at).isInstanceOf(BackupException.class)
                    .hasMessageContaining("is corrupt").hasMessageContaining("SHA-256").hasMessageContaining("'" + db + "' was not changed");
            assertThat(fingerprint()).as("byte %d flipped", at).isEqualTo(before);
            assertThat(oid()).isEqualTo(oid);
            assertThat(dumpRow("SELECT count(*) FROM pg_database WHERE datname LIKE '" + db + "\\_tg%'")).isEqualTo("0");
            try (var free = new PostgresAdmin(asPostgres).lock(db, java.time.Duration.ofSeconds(5))) {
                assertThat(free).as("the database's lock was let go").isNotNull();
            }
        });
    }

    /** As above, into a database that does not exist: it is created, restored beside the SHA-256 check, and dropped again. */
    @Test
    void corruptPayloadRestoredIntoANewDatabaseLeavesNoDatabaseBehind() throws Exception {
        DatabaseTarget asPostgres = PgTestDb.target(db);
        backup(asPostgres);
        String before = fingerprint();
        String fresh = db + "_tgcopy";
        withEachByteFlipped(at -> {
            BackupStore store = new BackupStore(dir);
            RestoreCommand restore = new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null),
                    BackupOptions.DEFAULTS, log::add), new BackupOptions(2, null), log::add);
            assertThatThrownBy(() -> restore.run("latest", asPostgres, fresh, fresh)).as("byte %d flipped", at)
                    .isInstanceOf(BackupException.class).hasMessageContaining("is corrupt").hasMessageContaining("SHA-256");
            assertThat(dumpRow("SELECT count(*) FROM pg_database WHERE datname = '" + fresh + "'")).as("byte %d flipped", at).isEqualTo("0");
            assertThat(fingerprint()).isEqualTo(before);
        });
        BackupStore store = new BackupStore(dir);
        new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add),
                new BackupOptions(2, null), log::add).run("latest", asPostgres, fresh, fresh);
        String content = "SELECT count(*), md5(string_agg(o::text, ',' ORDER BY id)) FROM orders o";
        assertThat(PgRoundTripTest.dumpRows(PgTestDb.target(fresh), content)).as("restored whole once the payload is whole again")
                .isEqualTo(PgRoundTripTest.dumpRows(PgTestDb.target(db), content));
    }

    @Test
    void leftoversOfInterruptedRestoresAreCleanedUpAndNamed() throws Exception {
        DatabaseTarget asPostgres = PgTestDb.target(db);
        backup(asPostgres);
        // as a swap restore killed before the swap leaves it: a new database marked in progress
        PostgresAdmin admin = new PostgresAdmin(asPostgres);
        try (var m = admin.openMaintenance()) {
            PostgresAdmin.createLike(m, db + "_tgnew_x", db);
        }
        // as an in-place restore killed after setting the schemas aside leaves it
        PgTestDb.exec(asOwner(), "ALTER SCHEMA public RENAME TO public_tgsafe_x",
                "COMMENT ON SCHEMA public_tgsafe_x IS 'testguard-set-aside:public'", "CREATE SCHEMA public");
        restore(asPostgres);
        assertThat(log).anyMatch(l -> l.contains("dropped its incomplete copy '" + db + "_tgnew_x'"));
        assertThat(log).anyMatch(l -> l.contains("put its set-aside schemas [public] back"));
        assertThat(dumpRow("SELECT count(*) FROM pg_database WHERE datname = '" + db + "_tgnew_x'")).isEqualTo("0");
    }

    /** What must hold with the byte at {@code at} of the payload flipped. */
    @FunctionalInterface
    private interface Corrupted {
        void check(int at) throws Exception;
    }

    /** Flips one byte of the (only) backup's payload at its start, middle and end in turn, same size; whole again after. */
    private void withEachByteFlipped(Corrupted check) throws Exception {
        Path payload = new BackupStore(dir).list().get(0).payload();
        byte[] good = java.nio.file.Files.readAllBytes(payload);
        for (int at : new int[] {8, good.length / 2, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x01;
            java.nio.file.Files.write(payload, bad);
            check.check(at);
        }
        java.nio.file.Files.write(payload, good);
    }

    private void backup(DatabaseTarget as) throws Exception {
        new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add).run(List.of(as));
    }

    private RestoreCommand.Result restore(DatabaseTarget as) throws Exception {
        return restore(as, 1); // the default
    }

    private RestoreCommand.Result restore(DatabaseTarget as, int keepSafetyCopies) throws Exception {
        BackupStore store = new BackupStore(dir);
        return new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add),
                BackupOptions.DEFAULTS, log::add).keepSafetyCopies(keepSafetyCopies).run("latest", as, null, db);
    }

    private DatabaseTarget asOwner() {
        return new DatabaseTarget(PgTestDb.url(db), new Credentials(owner, null));
    }

    private String fingerprint() throws Exception {
        return fingerprintOf(db);
    }

    /** Rows and content of every table, database owner, table owners and the database comment (the stamp). */
    static String fingerprintOf(String database) throws Exception {
        DatabaseTarget t = PgTestDb.target(database);
        return String.join("\n", PgRoundTripTest.dumpRows(t, "SELECT pg_get_userbyid(datdba), shobj_description(oid, 'pg_database')"
                        + " FROM pg_database WHERE datname = current_database()"))
                + String.join("\n", PgRoundTripTest.dumpRows(t, "SELECT schemaname, tablename, tableowner FROM pg_tables"
                        + " WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2"))
                + String.join("\n", PgRoundTripTest.dumpRows(t, "SELECT count(*), md5(string_agg(o::text, ',' ORDER BY id)) FROM orders o"))
                + String.join("\n", PgRoundTripTest.dumpRows(t, "SELECT count(*), md5(string_agg(c::text, ',' ORDER BY id)) FROM customers c"));
    }

    private long oid() throws Exception {
        return Long.parseLong(dumpRow("SELECT oid FROM pg_database WHERE datname = '" + db + "'"));
    }

    private List<String> schemas() throws Exception {
        return PgRoundTripTest.dumpRows(PgTestDb.target(db), "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                + " AND nspname <> 'information_schema' ORDER BY 1").stream().map(s -> s.replace("|", "")).toList();
    }

    private static String dumpRow(String sql) throws Exception {
        List<String> rows = PgRoundTripTest.dumpRows(PgTestDb.target("postgres"), sql);
        return rows.isEmpty() ? null : rows.get(0).replaceAll("\\|$", "");
    }
}
