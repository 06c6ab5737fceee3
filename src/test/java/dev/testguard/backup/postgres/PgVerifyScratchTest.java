package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.VerifyBackupCommand;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify-backup that cannot create its scratch database fails on that, and warns about no drop of a database it never made. */
class PgVerifyScratchTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final String role = "tg_params" + Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L)) + "_nologin";

    @AfterEach
    void cleanUp() throws Exception {
        dbs.close();
        PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE IF EXISTS " + role);
    }

    @Test
    void aScratchDatabaseThatWasNeverCreatedIsNotDropped() throws Exception {
        DatabaseTarget source = dbs.create("vscratch");
        PgTestDb.exec(source, "CREATE TABLE items (id int PRIMARY KEY)", "INSERT INTO items SELECT generate_series(1, 5)");
        List<Manifest> made = new BackupCommand(new BackupStore(dir), new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS,
                log::add).run(List.of(source));
        PgTestDb.exec(PgTestDb.target("postgres"), "CREATE ROLE " + role + " NOLOGIN");
        DatabaseTarget cannotLogIn = new DatabaseTarget(source.url(), new Credentials(role, null));
        log.clear();

        assertThatThrownBy(() -> new VerifyBackupCommand(new BackupStore(dir), BackupOptions.DEFAULTS, log::add)
                .run(made.get(0).id(), cannotLogIn))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("not permitted to log in");
        assertThat(log).noneMatch(line -> line.contains("could not drop scratch database"));
    }
}
