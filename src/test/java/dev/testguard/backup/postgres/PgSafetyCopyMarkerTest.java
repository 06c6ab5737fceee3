package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety-copy marker on the local PostgreSQL 15 for a role that may not set the database setting (42501): an owner
 * with CREATEDB, not a superuser. Its swaps are recorded in the backup store by name and oid, so retention prunes them,
 * and a look-alike (named like a copy, or even taking a recorded copy's name) is never dropped. Fingerprints (rows and
 * content, owners, the stamp) before and after.
 */
class PgSafetyCopyMarkerTest {

    private static final String STAMP = "testguard:{\"role\":\"test\",\"stampedAt\":\"2026-01-01T00:00:00Z\",\"stampedBy\":\"ci\"}";

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private String owner;
    private String db;

    @BeforeEach
    void ownerWithCreatedbNotSuperuser() throws Exception {
        owner = PgTestDb.uniqueName("restoreplus_owner");
        db = PgTestDb.uniqueName("restoreplus");
        DatabaseTarget pg = PgTestDb.target("postgres");
        PgTestDb.exec(pg, "CREATE ROLE " + owner + " LOGIN CREATEDB NOSUPERUSER",
                "CREATE DATABASE " + db + " OWNER " + owner, "COMMENT ON DATABASE " + db + " IS '" + STAMP + "'");
        dbs.willCreate(db);
        PgTestDb.exec(asOwner(), "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE orders (id int PRIMARY KEY, customer int REFERENCES customers(id), amount numeric(10,2))",
                "INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 50) g",
                "INSERT INTO orders SELECT g, 1 + g % 50, g * 1.25 FROM generate_series(1, 500) g");
        new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add)
                .run(List.of(asOwner()));
    }

    @AfterEach
    void dropOurs() throws Exception {
        for (String copy : copies()) { // only copies of this test's own uniquely named database
            dbs.willCreate(copy);
        }
        dbs.close();
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE IF EXISTS " + owner);
    }

    @Test
    void aNonSuperuserOwnersCopiesAreRecordedAndPrunedButNeverALookAlike() throws Exception {
        String atBackup = PgRestoreSafetyTest.fingerprintOf(db);
        String byHand = db + "_tgsafe_byhand";
        PgTestDb.exec(PgTestDb.target("postgres"), "CREATE DATABASE " + byHand + " OWNER " + owner);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PgTestDb.exec(asOwner(), "INSERT INTO customers VALUES (" + (1000 + i) + ", 'after backup')");
            made.add(restore(1).safetyCopy().split("'")[1]);
            assertThat(PgRestoreSafetyTest.fingerprintOf(db)).isEqualTo(atBackup);
        }

        assertThat(settingMarkers()).as("PostgreSQL 15 refused the setting to this role (42501)").isZero();
        assertThat(copies()).containsExactlyInAnyOrder(made.get(1), made.get(2), byHand);
        assertThat(log).anyMatch(l -> l.startsWith("safety copy dropped: '" + made.get(0) + "' ("));
        assertThat(log).anyMatch(l -> l.startsWith("safety copy kept: '" + byHand + "' (") && l.contains("no testguard marker"));
        String record = Files.readString(dir.resolve("safety-copies.json"));
        assertThat(record).contains(made.get(1), made.get(2)).doesNotContain(made.get(0)).doesNotContain(byHand);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("safety-copies.json"))))
                .isEqualTo("rw-------");
        assertThat(PgRestoreSafetyTest.fingerprintOf(made.get(2))).as("the kept copy is whole, with owner and stamp")
                .contains(owner, STAMP).isNotEqualTo(atBackup);
    }

    @Test
    void aDatabaseThatTookARecordedCopysNameIsNeverDropped() throws Exception {
        String first = restore(0).safetyCopy().split("'")[1];
        String lookAlikeBefore = oidOf(first);
        // someone moves testguard's copy away and makes another database under its name: same name, another oid
        PgTestDb.exec(PgTestDb.target("postgres"), "ALTER DATABASE " + first + " RENAME TO " + first + "_moved",
                "CREATE DATABASE " + first + " OWNER " + owner);
        assertThat(oidOf(first)).isNotEqualTo(lookAlikeBefore);
        String atBackup = PgRestoreSafetyTest.fingerprintOf(db);

        String second = restore(0).safetyCopy().split("'")[1];

        assertThat(copies()).containsExactlyInAnyOrder(first, first + "_moved", second);
        assertThat(log).anyMatch(l -> l.startsWith("safety copy kept: '" + first + "' (") && l.contains("no testguard marker"));
        assertThat(log).noneMatch(l -> l.startsWith("safety copy dropped"));
        assertThat(PgRestoreSafetyTest.fingerprintOf(db)).isEqualTo(atBackup);
    }

    private RestoreCommand.Result restore(int keep) throws Exception {
        BackupStore store = new BackupStore(dir);
        return new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add),
                BackupOptions.DEFAULTS, log::add).keepSafetyCopies(keep).run("latest", asOwner(), null, db);
    }

    private DatabaseTarget asOwner() {
        return new DatabaseTarget(PgTestDb.url(db), new Credentials(owner, null));
    }

    private List<String> copies() throws Exception {
        return PgSafetyCopyRetentionTest.copiesOf(db);
    }

    private long settingMarkers() throws Exception {
        return Long.parseLong(PgRoundTripTest.dumpRows(PgTestDb.target("postgres"), "SELECT count(*) FROM pg_db_role_setting s"
                + " JOIN pg_database d ON d.oid = s.setdatabase, unnest(s.setconfig) c WHERE left(d.datname, " + (db.length() + 8)
                + ") = '" + db + "_tgsafe_' AND c LIKE 'testguard.safety\\_copy\\_of=%'").get(0).replace("|", ""));
    }

    private String oidOf(String database) throws Exception {
        return PgRoundTripTest.dumpRows(PgTestDb.target("postgres"), "SELECT oid FROM pg_database WHERE datname = '" + database + "'")
                .get(0);
    }
}
