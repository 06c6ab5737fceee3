package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.StoredBackup;
import dev.testguard.backup.TableChecksums;
import dev.testguard.backup.VerifyBackupCommand;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's content checksum since issue 10 (row count and the exact sum of a 64-bit hash of each row, no sort) and
 * manifests of the earlier format ({@code pg-md5:}, the md5 of the sorted row md5s), which still restore and verify.
 */
class PgChecksumFormatsTest {

    /** The earlier algorithm, spelled out here independently of the code under test. */
    private static final String OLD_MD5 = "SELECT 'pg-md5:' || md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), ''))"
            + " FROM %s t";

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void dropDatabases() throws Exception {
        dbs.close();
    }

    @Test
    void aChangedRowChangesTheChecksumOfEveryKindOfTable() throws Exception {
        DatabaseTarget db = threeTables("backupchk_rows", "(1, 'x'), (1, 'x'), (2, 'y'), (2, 'y'), (3, NULL)");
        Map<String, String> before = sums(db);
        assertThat(before.values()).allMatch(v -> v.startsWith("pg-hashsum:"));
        assertThat(before.get("public.dups")).startsWith("pg-hashsum:5:");

        changes(db, before, "public.keyed", "UPDATE keyed SET v = 'changed' WHERE id = 42");
        changes(db, before, "public.loose", "UPDATE loose SET b = 'changed' WHERE b = 'b17'");
        // a row changed into a copy of another row: same count, one hash more of one row and one less of the other
        changes(db, before, "public.dups", "UPDATE dups SET a = 1, b = 'x' WHERE ctid = (SELECT min(ctid) FROM dups WHERE a = 2)");
        changes(db, before, "public.dups", "UPDATE dups SET b = 'x' WHERE b IS NULL");
        changes(db, before, "public.dups", "DELETE FROM dups WHERE ctid = (SELECT min(ctid) FROM dups WHERE a = 1)");
    }

    @Test
    void sameRowsInAnotherOrderOrTwoRowsSwappedChecksumTheSame() throws Exception {
        DatabaseTarget db = threeTables("backupchk_order", "(1, 'x'), (1, 'x'), (2, 'y')");
        Map<String, String> before = sums(db);
        PgTestDb.exec(db, "UPDATE keyed SET v = v WHERE id <= 50", "UPDATE loose SET b = b WHERE a = 3",
                "UPDATE dups SET a = 3 - a, b = CASE b WHEN 'x' THEN 'y' ELSE 'x' END WHERE a = 2 OR ctid = (SELECT min(ctid) FROM dups)");
        assertThat(sums(db)).isEqualTo(before);
    }

    @Test
    void aManifestOfTheEarlierFormatStillVerifiesAndRestores() throws Exception {
        DatabaseTarget source = dbs.create("backupchk_old");
        PgRoundTripTest.createSchema(source);
        BackupStore store = new BackupStore(dir);
        new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add).run(List.of(source));
        Map<String, String> old = oldChecksums(source, store.list().get(0).manifest().checksums().keySet().stream().toList());
        assertThat(old).hasSize(3).allSatisfy((t, v) -> assertThat(v).matches("pg-md5:[0-9a-f]{32}"));
        StoredBackup b = rewriteChecksums(store, store.list().get(0), old);

        VerifyBackupCommand.Result v = new VerifyBackupCommand(store, BackupOptions.DEFAULTS, log::add).run(b.id(), source);
        assertThat(v.passed()).as(v.backup().manifest().verification().details()).isTrue();
        assertThat(v.checksumsCompared()).isEqualTo(3);

        RestoreCommand.Result r = new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null),
                BackupOptions.DEFAULTS, log::add), BackupOptions.DEFAULTS, log::add).run(b.id(), source, null, source.databaseName());
        safetyCopiesAreOurs(source);
        assertThat(r.content().matches()).as(r.content().differences()).isTrue();
        assertThat(r.content().checksummed()).isEqualTo(3);

        // the md5 form is really computed: a wrong one is caught
        Map<String, String> wrong = new TreeMap<>(old);
        wrong.put("shop.customer", "pg-md5:" + "0".repeat(32));
        StoredBackup tampered = rewriteChecksums(store, v.backup(), wrong);
        VerifyBackupCommand.Result bad = new VerifyBackupCommand(store, BackupOptions.DEFAULTS, log::add).run(tampered.id(), source);
        assertThat(bad.passed()).isFalse();
        assertThat(bad.checksumMismatches()).containsExactly("shop.customer");
    }

    /** A table with a primary key, one without (repeating values) and one of {@code dupsRows}, duplicates among them. */
    private DatabaseTarget threeTables(String purpose, String dupsRows) throws Exception {
        DatabaseTarget db = dbs.create(purpose);
        PgTestDb.exec(db, "CREATE TABLE keyed (id int PRIMARY KEY, v text)", "CREATE TABLE loose (a int, b text)",
                "CREATE TABLE dups (a int, b text)",
                "INSERT INTO keyed SELECT g, 'v' || g FROM generate_series(1, 100) g",
                "INSERT INTO loose SELECT g % 7, 'b' || g FROM generate_series(1, 100) g",
                "INSERT INTO dups VALUES " + dupsRows);
        return db;
    }

    private void changes(DatabaseTarget db, Map<String, String> before, String table, String sql) throws Exception {
        PgTestDb.exec(db, sql);
        Map<String, String> after = sums(db);
        assertThat(after.get(table)).as(sql).isNotEqualTo(before.get(table));
        before.put(table, after.get(table)); // the next change is measured from here
    }

    private static Map<String, String> sums(DatabaseTarget db) throws Exception {
        try (Connection c = Connections.open(db, Duration.ofSeconds(10))) {
            return new TreeMap<>(TableChecksums.of(c, List.of("public.keyed", "public.loose", "public.dups")));
        }
    }

    private static Map<String, String> oldChecksums(DatabaseTarget db, List<String> tables) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String t : tables) {
            String[] p = t.split("\\.");
            List<String> rows = PgRoundTripTest.dumpRows(db, String.format(OLD_MD5, "\"" + p[0] + "\".\"" + p[1] + "\""));
            out.put(t, rows.get(0).replace("|", ""));
        }
        return out;
    }

    private static StoredBackup rewriteChecksums(BackupStore store, StoredBackup b, Map<String, String> checksums) throws Exception {
        Manifest m = b.manifest();
        return store.rewriteManifest(b, new Manifest(m.formatVersion(), m.id(), m.status(), m.purpose(), m.database(),
                m.engine(), m.tool(), m.toolVersion(), m.format(), m.payload(), m.startedAt(), m.finishedAt(),
                m.sizeBytes(), m.sha256(), m.rowCounts(), checksums, null));
    }

    private void safetyCopiesAreOurs(DatabaseTarget source) throws Exception {
        for (String row : PgRoundTripTest.dumpRows(source, "SELECT datname FROM pg_database WHERE datname LIKE '"
                + source.databaseName() + "\\_tg%'")) {
            dbs.willCreate(row.replace("|", ""));
        }
    }
}
