package dev.testguard.backup.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.db.DatabaseTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepSafetyCopies on the local MariaDB: marked safety schemas pruned only after a verified restore. */
class MysqlSafetyCopyRetentionTest {

    @TempDir
    Path dir;

    private final MariaDbFixture fixture = new MariaDbFixture();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private DatabaseTarget target;
    private String db;
    private Manifest backup;

    @BeforeEach
    void database() throws Exception {
        target = fixture.newDatabase("mkeep");
        db = target.databaseName();
        MariaDbFixture.exec(db, "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(40) NOT NULL)",
                "INSERT INTO items SELECT seq, CONCAT('item ', seq) FROM seq_1_to_200");
        backup = new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add)
                .run(List.of(target)).get(0);
    }

    @AfterEach
    void dropOurs() throws Exception {
        fixture.close();
    }

    @Test
    void threeRestoresWithKeepOneLeaveTheCurrentAndTheNewestOlderCopyButNeverAnUnmarkedOne() throws Exception {
        String unmarked = db + "_tgsafe_byhand";
        MariaDbFixture.exec(null, "CREATE DATABASE `" + unmarked + "`", "CREATE TABLE `" + unmarked + "`.notes (n INT)");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MariaDbFixture.exec(db, "INSERT INTO items VALUES (" + (1000 + i) + ", 'after backup')");
            RestoreCommand.Result r = restore(1);
            made.add(newest(made));
            assertThat(r.safetyCopy()).contains(made.get(i));
        }

        assertThat(copies()).containsExactlyInAnyOrder(made.get(1), made.get(2), unmarked);
        assertThat(MariaDbFixture.column(made.get(1), "SELECT COUNT(*) FROM items")).as("the kept older copy is whole").containsExactly("201");
        assertThat(log).anyMatch(l -> l.startsWith("safety copy dropped: '" + made.get(0) + "' ("));
        assertThat(log).anyMatch(l -> l.startsWith("safety copy kept: '" + unmarked + "' (") && l.contains("no testguard marker"));
        assertThat(log).anyMatch(l -> l.startsWith("safety copies of '" + db + "' now: 3, taking "));
        assertThat(log).contains("    DROP DATABASE `" + made.get(2) + "`;");
    }

    @Test
    void keepZeroKeepsOnlyThisRestoresCopyAndAFailedRestoreDropsNothing() throws Exception {
        restore(5);
        restore(5);
        List<String> before = copies();
        assertThat(before).hasSize(2);

        // the manifest now expects 199 rows: the restore runs, its verification fails, the original is put back
        Path manifest = dir.resolve(backup.id()).resolve(BackupStore.MANIFEST);
        String json = Files.readString(manifest);
        Files.writeString(manifest, json.replaceFirst("(\"items\"\\s*:\\s*)200\\b", "$1199"));
        log.clear();
        assertThatThrownBy(() -> restore(0)).isInstanceOf(BackupException.class)
                .hasMessageContaining("failed while verifying the restored content");
        assertThat(copies()).as("a failed restore drops no safety copy").containsExactlyInAnyOrderElementsOf(before);
        assertThat(log).noneMatch(l -> l.startsWith("safety copy dropped"));

        Files.writeString(manifest, json);
        restore(0);
        assertThat(copies()).containsExactly(newest(List.of()));
    }

    private RestoreCommand.Result restore(int keep) throws Exception {
        BackupStore store = new BackupStore(dir);
        return new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add),
                BackupOptions.DEFAULTS, log::add).keepSafetyCopies(keep).run(backup.id(), target, null, db);
    }

    /** The marked copy not in {@code known} made last. */
    private String newest(List<String> known) throws Exception {
        List<String> marked = new ArrayList<>();
        for (String schema : copies()) {
            if (!known.contains(schema) && !MariaDbFixture.column(null, "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + schema
                    + "' AND TABLE_NAME = 'testguard_restore_state'").isEmpty()) {
                marked.add(MariaDbFixture.column(schema, "SELECT CONCAT(LPAD(made_at, 20, '0'), ' ', DATABASE()) FROM testguard_restore_state").get(0));
            }
        }
        Collections.sort(marked);
        return marked.get(marked.size() - 1).split(" ", 2)[1];
    }

    private List<String> copies() throws Exception {
        return MariaDbFixture.safetySchemasOf(db);
    }
}
