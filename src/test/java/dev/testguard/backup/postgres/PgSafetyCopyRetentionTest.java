package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepSafetyCopies on the local PostgreSQL 15: the swap's safety databases, marked, pruned only after a verified restore. */
class PgSafetyCopyRetentionTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private String db;
    private String reader;

    @BeforeEach
    void database() throws Exception {
        db = PgTestDb.uniqueName("keep");
        reader = PgTestDb.uniqueName("keepreader");
        PgTestDb.exec(PgTestDb.target("postgres"), "CREATE ROLE " + reader, "CREATE DATABASE " + db,
                "COMMENT ON DATABASE " + db + " IS 'stamp of " + db + "'");
        dbs.willCreate(db);
        PgTestDb.exec(PgTestDb.target(db), "CREATE TABLE items (id int PRIMARY KEY, label text)",
                "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 200) g", "GRANT SELECT ON items TO " + reader);
        new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add)
                .run(List.of(PgTestDb.target(db)));
    }

    @AfterEach
    void dropOurs() throws Exception {
        for (String copy : copies()) { // only copies of this test's own uniquely named database
            dbs.willCreate(copy);
        }
        dbs.close();
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE IF EXISTS " + reader);
    }

    @Test
    void threeRestoresWithKeepOneLeaveTheCurrentAndTheNewestOlderCopyButNeverAnUnmarkedOne() throws Exception {
        String unmarked = db + "_tgsafe_byhand";
        PgTestDb.exec(PgTestDb.target("postgres"), "CREATE DATABASE " + unmarked,
                "COMMENT ON DATABASE " + unmarked + " IS 'made by a person, named like a safety copy'");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PgTestDb.exec(PgTestDb.target(db), "INSERT INTO items VALUES (" + (1000 + i) + ", 'after backup')");
            RestoreCommand.Result r = restore(1);
            made.add(newest(made));
            assertThat(r.safetyCopy()).contains(made.get(i));
        }

        assertThat(copies()).containsExactlyInAnyOrder(made.get(1), made.get(2), unmarked);
        assertThat(rows(made.get(1))).as("the kept older copy is whole").isEqualTo("201");
        assertThat(log).anyMatch(l -> l.startsWith("safety copy dropped: '" + made.get(0) + "' ("));
        assertThat(log).anyMatch(l -> l.startsWith("safety copy kept: '" + unmarked + "' (") && l.contains("no testguard marker"));
        assertThat(log).anyMatch(l -> l.startsWith("safety copies of '" + db + "' now: 3, taking "));
        assertThat(log).contains("    DROP DATABASE \"" + made.get(2) + "\";");
        assertThat(dumpRow("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '" + made.get(2) + "'"))
                .as("the safety copy keeps its comment (the stamp); the marker is a database setting").isEqualTo("stamp of " + db);
    }

    @Test
    void keepZeroKeepsOnlyThisRestoresCopyAndAFailedRestoreDropsNothing() throws Exception {
        restore(5);
        String first = newest(List.of());
        restore(5);
        assertThat(copies()).hasSize(2);

        for (String database : union(db, copies())) {
            PgTestDb.exec(PgTestDb.target(database), "REVOKE SELECT ON items FROM " + reader);
        }
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE " + reader); // the dump's GRANT to it now fails
        log.clear();
        assertThatThrownBy(() -> restore(0)).isInstanceOf(BackupException.class).hasMessageContaining("was not changed");
        assertThat(copies()).as("a failed restore drops no safety copy").hasSize(2).contains(first);
        assertThat(log).noneMatch(l -> l.startsWith("safety copy dropped"));

        PgTestDb.exec(PgTestDb.target("postgres"), "CREATE ROLE " + reader);
        restore(0);
        assertThat(copies()).containsExactly(newest(List.of()));
    }

    private static List<String> union(String one, List<String> more) {
        List<String> all = new ArrayList<>(more);
        all.add(one);
        return all;
    }

    private RestoreCommand.Result restore(int keep) throws Exception {
        BackupStore store = new BackupStore(dir);
        return new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add),
                BackupOptions.DEFAULTS, log::add).keepSafetyCopies(keep).run("latest", PgTestDb.target(db), null, db);
    }

    /** The marked copy not in {@code known}: the one the last restore made. */
    private String newest(List<String> known) throws Exception {
        List<String> marked = PgRoundTripTest.dumpRows(PgTestDb.target("postgres"), "SELECT d.datname FROM pg_database d"
                + " JOIN pg_db_role_setting s ON s.setdatabase = d.oid WHERE left(d.datname, " + (db.length() + 8) + ") = '"
                + db + "_tgsafe_' ORDER BY (SELECT split_part(c, '=', 2) FROM unnest(s.setconfig) c"
                + " WHERE c LIKE 'testguard.safety\\_copy\\_of=%') DESC");
        return marked.stream().map(s -> s.replace("|", "")).filter(n -> !known.contains(n)).findFirst().orElseThrow();
    }

    private List<String> copies() throws Exception {
        return copiesOf(db);
    }

    /** The databases named like safety copies of {@code db}, marked or not. */
    static List<String> copiesOf(String db) throws Exception {
        return PgRoundTripTest.dumpRows(PgTestDb.target("postgres"), "SELECT datname FROM pg_database WHERE left(datname, "
                + (db.length() + 8) + ") = '" + db + "_tgsafe_'").stream().map(s -> s.replace("|", "")).toList();
    }

    private static String rows(String database) throws Exception {
        return PgRoundTripTest.dumpRows(PgTestDb.target(database), "SELECT count(*) FROM items").get(0).replace("|", "");
    }

    private static String dumpRow(String sql) throws Exception {
        List<String> rows = PgRoundTripTest.dumpRows(PgTestDb.target("postgres"), sql);
        return rows.isEmpty() ? null : rows.get(0).replaceAll("\\|$", "");
    }
}
