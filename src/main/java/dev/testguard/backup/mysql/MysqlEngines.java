package dev.testguard.backup.mysql;

import dev.testguard.backup.BackupEngine;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.tool.ExternalTool;

/** Picks the MySQL/MariaDB engine: the dump tool when there is one, else the built-in JDBC dump. */
public final class MysqlEngines {

    private MysqlEngines() {
    }

    public static BackupEngine choose(BackupOptions options) {
        if (options != null && options.toolPath() != null) {
            return new MysqlDumpEngine(new ExternalTool(options.toolPath()));
        }
        return MysqlDumpEngine.onPath().<BackupEngine>map(e -> e).orElseGet(JdbcMysqlDumpEngine::new);
    }

    /** The engine that restores a payload written by the engine with this id, or null if the id is not MySQL's. */
    public static BackupEngine forId(String id, BackupOptions options) {
        if (JdbcMysqlDumpEngine.ID.equals(id)) {
            return new JdbcMysqlDumpEngine();
        }
        if ("mariadb-dump".equals(id) || "mysqldump".equals(id)) {
            BackupEngine chosen = choose(options);
            // a mysqldump payload is plain SQL: the JDBC engine restores it when no client is installed
            return chosen;
        }
        return null;
    }
}
