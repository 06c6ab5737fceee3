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
import dev.testguard.backup.VerifyBackupCommand;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.PostgresAdmin;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgRoundTripTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void dropDatabases() throws Exception {
        dbs.close();
    }

    private BackupCommand backupCommand(BackupOptions options) {
        return new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), options, log::add);
    }

    static void createSchema(DatabaseTarget t) throws Exception {
        PgTestDb.exec(t,
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.customer (id serial PRIMARY KEY, name text NOT NULL, photo bytea, created timestamptz DEFAULT now())",
                "CREATE TABLE shop.orders (id bigserial PRIMARY KEY, customer_id int NOT NULL REFERENCES shop.customer(id),"
                        + " total numeric(12,2), note text, updated int DEFAULT 0)",
                "CREATE INDEX orders_customer_idx ON shop.orders(customer_id)",
                "CREATE UNIQUE INDEX customer_name_idx ON shop.customer(lower(name))",
                "CREATE SEQUENCE shop.invoice_seq START 1000",
                "SELECT nextval('shop.invoice_seq') FROM generate_series(1, 7)",
                "CREATE VIEW shop.big_orders AS SELECT * FROM shop.orders WHERE total > 100",
                "CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := OLD.updated + 1; RETURN NEW; END $$",
                "CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch()",
                "INSERT INTO shop.customer(name, photo) VALUES ('Zoë Ångström 日本語 🚀', decode('00ff10deadbeef00', 'hex')),"
                        + " ('O''Brien \\ tab\there', NULL), ('nul-free binary', decode(repeat('00ff', 500), 'hex'))",
                "INSERT INTO shop.orders(customer_id, total, note) SELECT 1 + (g % 3), g * 1.5, 'note ' || g FROM generate_series(1, 500) g",
                "CREATE TABLE public.empty_table (x int)");
    }

    static List<String> dumpRows(DatabaseTarget t, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = Connections.open(t, Duration.ofSeconds(10)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object o = rs.getObject(i);
                    sb.append(o instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : String.valueOf(o)).append('|');
                }
                rows.add(sb.toString());
            }
        }
        return rows;
    }

    private static final List<String> QUERIES = List.of(
            "SELECT * FROM shop.customer ORDER BY id",
            "SELECT * FROM shop.orders ORDER BY id",
            "SELECT count(*) FROM shop.big_orders",
            "SELECT last_value, is_called FROM shop.invoice_seq",
            "SELECT last_value FROM shop.orders_id_seq",
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'shop' ORDER BY indexname",
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'shop'::regnamespace ORDER BY conname",
            "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname");

    private static void assertSameContent(DatabaseTarget expected, DatabaseTarget actual) throws Exception {
        for (String q : QUERIES) {
            assertThat(dumpRows(actual, q)).as(q).isNotEmpty().containsExactlyElementsOf(dumpRows(expected, q));
        }
    }

    @Test
    void customFormatRoundTripKeepsEverything() throws Exception {
        DatabaseTarget source = dbs.create("src");
        createSchema(source);
        List<Manifest> manifests = backupCommand(BackupOptions.DEFAULTS).run(List.of(source));
        Manifest m = manifests.get(0);
        assertThat(m.format()).isEqualTo("custom");
        assertThat(m.tool()).isEqualTo("pg_dump");
        assertThat(m.toolVersion()).startsWith("15.");
        assertThat(m.database().serverVersion()).startsWith("15.");
        assertThat(m.rowCounts()).containsEntry("shop.customer", 3L).containsEntry("shop.orders", 500L)
                .containsEntry("public.empty_table", 0L);
        Path backupDir = dir.resolve(m.id());
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        assertThat(Files.getPosixFilePermissions(backupDir.resolve("payload")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.getPosixFilePermissions(backupDir.resolve("manifest.json")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

        // restore into a fresh database, then check content row by row
        String restoredName = PgTestDb.uniqueName("restored");
        DatabaseTarget restored = dbs.willCreate(restoredName);
        RestoreCommand restore = new RestoreCommand(new BackupStore(dir), backupCommand(BackupOptions.DEFAULTS),
                BackupOptions.DEFAULTS, log::add);
        RestoreCommand.Result r = restore.run(m.id(), source, restoredName, restoredName);
        assertThat(r.safetyBackup()).isNull();
        assertThat(r.rowsMatch()).isTrue();
        assertThat(r.rows()).hasSize(3);
        assertSameContent(source, restored);
        // the restored trigger and sequences still work
        PgTestDb.exec(restored, "UPDATE shop.orders SET note = 'x' WHERE id = 1");
        assertThat(dumpRows(restored, "SELECT updated FROM shop.orders WHERE id = 1")).containsExactly("1|");
        assertThat(dumpRows(restored, "SELECT nextval('shop.invoice_seq')")).containsExactly("1007|");
    }

    @Test
    void directoryFormatWithTwoJobsRoundTripsAndVerifies() throws Exception {
        DatabaseTarget source = dbs.create("srcdir");
        createSchema(source);
        BackupOptions two = new BackupOptions(2, null);
        Manifest m = backupCommand(two).run(List.of(source)).get(0);
        assertThat(m.format()).isEqualTo("directory");
        assertThat(dir.resolve(m.id()).resolve("payload")).isDirectory();

        VerifyBackupCommand verify = new VerifyBackupCommand(new BackupStore(dir), two, log::add);
        VerifyBackupCommand.Result v = verify.run("latest", source);
        assertThat(v.passed()).as(v.backup().manifest().verification().details()).isTrue();
        assertThat(new BackupStore(dir).list().get(0).manifest().verification().result()).isEqualTo("PASSED");
        assertThat(dumpRows(source, "SELECT count(*) FROM pg_database WHERE datname LIKE 'tg_verify_%'")).containsExactly("0|");

        String restoredName = PgTestDb.uniqueName("restoreddir");
        DatabaseTarget restored = dbs.willCreate(restoredName);
        new RestoreCommand(new BackupStore(dir), backupCommand(two), two, log::add).run("latest", source, restoredName, restoredName);
        assertSameContent(source, restored);
    }

    @Test
    void restoreOverExistingDatabaseKeepsThePreviousOneAsSafetyCopy() throws Exception {
        DatabaseTarget source = dbs.create("safety");
        createSchema(source);
        backupCommand(BackupOptions.DEFAULTS).run(List.of(source));
        PgTestDb.exec(source, "DELETE FROM shop.orders WHERE id > 10", "CREATE TABLE public.after_backup (y int)");
        // an open session on the target is ended by the restore
        try (Connection open = Connections.open(source, Duration.ofSeconds(5))) {
            RestoreCommand.Result r = new RestoreCommand(new BackupStore(dir), backupCommand(BackupOptions.DEFAULTS),
                    BackupOptions.DEFAULTS, log::add).run("latest", source, null, source.databaseName());
            assertThat(r.rowsMatch()).isTrue();
            // a role that may create databases: the previous database is kept whole, renamed, instead of a safety backup
            assertThat(r.safetyBackup()).isNull();
            List<String> safety = dumpRows(source, "SELECT datname FROM pg_database WHERE datname LIKE '"
                    + source.databaseName() + "\\_tgsafe\\_%'");
            assertThat(safety).hasSize(1);
            String safetyName = safety.get(0).replace("|", "");
            DatabaseTarget safetyCopy = dbs.willCreate(safetyName);
            assertThat(r.safetyCopy()).contains(safetyName);
            try (Connection c = Connections.open(safetyCopy, Duration.ofSeconds(5))) {
                assertThat(PostgresAdmin.exactRowCounts(c)).containsEntry("shop.orders", 10L).containsKey("public.after_backup");
            }
        }
        assertThat(dumpRows(source, "SELECT count(*) FROM shop.orders")).containsExactly("500|");
        assertThat(dumpRows(source, "SELECT to_regclass('public.after_backup')")).containsExactly("null|");
    }

    @Test
    void restoreWithoutConfirmationIsRefusedNamingTheFlag() throws Exception {
        DatabaseTarget source = dbs.create("noconfirm");
        createSchema(source);
        backupCommand(BackupOptions.DEFAULTS).run(List.of(source));
        PgTestDb.exec(source, "DELETE FROM shop.orders");
        RestoreCommand restore = new RestoreCommand(new BackupStore(dir), backupCommand(BackupOptions.DEFAULTS),
                BackupOptions.DEFAULTS, log::add);
        for (String confirm : new String[] {null, "", "orders", source.databaseName().toUpperCase()}) {
            assertThatThrownBy(() -> restore.run("latest", source, null, confirm)).isInstanceOf(BackupException.class)
                    .hasMessageContaining("-Dtestguard.confirm=" + source.databaseName());
        }
        assertThat(dumpRows(source, "SELECT count(*) FROM shop.orders")).containsExactly("0|");
        assertThat(new BackupStore(dir).list()).hasSize(1);
    }

    @Test
    void corruptPayloadIsRefusedBeforeAnythingIsTouched() throws Exception {
        DatabaseTarget source = dbs.create("corrupt");
        createSchema(source);
        Manifest m = backupCommand(BackupOptions.DEFAULTS).run(List.of(source)).get(0);
        PgTestDb.exec(source, "DELETE FROM shop.orders WHERE id > 100");
        Path payload = dir.resolve(m.id()).resolve("payload");
        try (RandomAccessFile f = new RandomAccessFile(payload.toFile(), "rw")) {
            long pos = f.length() / 2;
            f.seek(pos);
            int b = f.read();
            f.seek(pos);
            f.write(b ^ 0x01);
        }
        RestoreCommand restore = new RestoreCommand(new BackupStore(dir), backupCommand(BackupOptions.DEFAULTS),
                BackupOptions.DEFAULTS, log::add);
        assertThatThrownBy(() -> restore.run(m.id(), source, null, source.databaseName()))
                .isInstanceOf(BackupException.class).hasMessageContaining("is corrupt").hasMessageContaining("SHA-256")
                .hasMessageContaining("Nothing was touched");
        assertThat(dumpRows(source, "SELECT count(*) FROM shop.orders")).containsExactly("100|");
        assertThat(new BackupStore(dir).list()).as("no safety backup was taken").hasSize(1);
        assertThat(dbs.admin().databasesStartingWith(source.databaseName() + "_tg"))
                .as("the new database created while the payload was hashed is dropped again; no safety copy").isEmpty();
        // the database's lock, taken beside the SHA-256, was let go with the failure (else this waits and fails as busy)
        try (DatabaseLock free = dbs.admin().lock(source.databaseName(), Duration.ofSeconds(5))) {
            assertThat(free).isNotNull();
        }
        assertThatThrownBy(() -> new VerifyBackupCommand(new BackupStore(dir), BackupOptions.DEFAULTS, log::add).run(m.id(), source))
                .hasMessageContaining("is corrupt");
    }

    /** Into a database that does not exist: created beside the lookup and the SHA-256, and dropped again when they fail. */
    @Test
    void aNewDatabaseCreatedBesideTheChecksIsDroppedAgainWhenTheBackupIsUnknownOrCorrupt() throws Exception {
        DatabaseTarget source = dbs.create("intonew");
        createSchema(source);
        Manifest m = backupCommand(BackupOptions.DEFAULTS).run(List.of(source)).get(0);
        DatabaseTarget fresh = dbs.willCreate(PgTestDb.uniqueName("intonewcopy"));
        String name = fresh.databaseName();
        RestoreCommand restore = new RestoreCommand(new BackupStore(dir), backupCommand(BackupOptions.DEFAULTS),
                BackupOptions.DEFAULTS, log::add);
        assertThatThrownBy(() -> restore.run("20200101T000000000Z-nothere", source, name, name))
                .isInstanceOf(BackupException.class).hasMessageContaining("no complete backup with id");
        assertThat(dbs.admin().exists(name)).as("created beside the lookup, dropped with its failure").isFalse();

        Path payload = dir.resolve(m.id()).resolve("payload");
        byte[] good = Files.readAllBytes(payload);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x01;
        Files.write(payload, bad);
        assertThatThrownBy(() -> restore.run(m.id(), source, name, name))
                .isInstanceOf(BackupException.class).hasMessageContaining("is corrupt");
        assertThat(dbs.admin().exists(name)).as("created beside the SHA-256, dropped with its failure").isFalse();

        Files.write(payload, good);
        restore.run(m.id(), source, name, name);
        assertThat(dumpRows(fresh, "SELECT count(*) FROM shop.orders")).containsExactly("500|");
    }

    @Test
    void twoConcurrentBackupsIntoOneDirectoryBothComplete() throws Exception {
        DatabaseTarget a = dbs.create("conca");
        DatabaseTarget b = dbs.create("concb");
        createSchema(a);
        createSchema(b);
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (DatabaseTarget t : List.of(a, b, a)) {
            Thread th = new Thread(() -> {
                try {
                    backupCommand(BackupOptions.DEFAULTS).run(List.of(t));
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join(120_000);
        }
        assertThat(errors).isEmpty();
        List<StoredBackup> all = new BackupStore(dir).list();
        assertThat(all).hasSize(3);
        assertThat(all).extracting(x -> x.manifest().database().name())
                .containsExactlyInAnyOrder(a.databaseName(), a.databaseName(), b.databaseName());
        for (StoredBackup s : all) {
            assertThat(dev.testguard.backup.PayloadDigest.sha256(s.payload())).isEqualTo(s.manifest().sha256());
            assertThat(s.manifest().rowCounts()).containsEntry("shop.orders", 500L);
        }
        // serialized: one backup's run never overlaps another's
        List<Manifest> byStart = all.stream().map(StoredBackup::manifest).sorted(java.util.Comparator.comparing(Manifest::startedAt)).toList();
        for (int i = 1; i < byStart.size(); i++) {
            assertThat(byStart.get(i).startedAt()).isGreaterThanOrEqualTo(byStart.get(i - 1).finishedAt());
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }
}
