package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.h2.H2ScriptEngine;
import dev.testguard.backup.mysql.JdbcMysqlDumpEngine;
import dev.testguard.backup.mysql.MysqlDumpEngine;
import dev.testguard.backup.postgres.PgDumpEngine;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.JdbcUrlParser;
import org.junit.jupiter.api.Test;

class BackupEnginesTest {

    private static DatabaseTarget target(String url) {
        return new DatabaseTarget(JdbcUrlParser.parse(url), null);
    }

    private final DatabaseTarget mariadb = target("jdbc:mariadb://localhost:3306/orders");

    @Test
    void aJdbcDumpIsRestoredByTheBuiltInEngineEvenWhenTheClientIsInstalled() {
        BackupEngine client = MysqlDumpEngine.onPath().orElseThrow();

        BackupEngine e = BackupEngines.forRestore(client, JdbcMysqlDumpEngine.ID, mariadb, BackupOptions.DEFAULTS);

        assertThat(e).isInstanceOf(JdbcMysqlDumpEngine.class);
    }

    @Test
    void aClientDumpIsRestoredByTheClientWhenThereIsOne() {
        BackupEngine e = BackupEngines.forRestore(new JdbcMysqlDumpEngine(), "mariadb-dump", mariadb, BackupOptions.DEFAULTS);

        assertThat(e.id()).isEqualTo("mariadb-dump");
    }

    @Test
    void theChosenEngineStaysWhenItWroteTheBackupOrTheVendorHasOneEngine() {
        BackupEngine jdbc = new JdbcMysqlDumpEngine();
        assertThat(BackupEngines.forRestore(jdbc, JdbcMysqlDumpEngine.ID, mariadb, BackupOptions.DEFAULTS)).isSameAs(jdbc);
        assertThat(BackupEngines.forRestore(jdbc, null, mariadb, BackupOptions.DEFAULTS)).isSameAs(jdbc);
        BackupEngine pg = new PgDumpEngine();
        assertThat(BackupEngines.forRestore(pg, "pg_dump", target("jdbc:postgresql://localhost/orders"), BackupOptions.DEFAULTS))
                .isSameAs(pg);
        BackupEngine h2 = new H2ScriptEngine();
        assertThat(BackupEngines.forRestore(h2, "something-else", target("jdbc:h2:file:/tmp/x"), BackupOptions.DEFAULTS))
                .isSameAs(h2);
    }
}
