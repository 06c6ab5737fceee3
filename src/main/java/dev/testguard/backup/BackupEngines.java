package dev.testguard.backup;

import dev.testguard.backup.h2.H2ScriptEngine;
import dev.testguard.backup.mysql.MysqlEngines;
import dev.testguard.backup.postgres.PgDumpEngine;
import dev.testguard.backup.sqlite.SqliteBackupEngine;
import dev.testguard.db.DatabaseTarget;

/** The {@link BackupEngine} for a database. */
public final class BackupEngines {

    private BackupEngines() {
    }

    /** @throws IllegalArgumentException for a database testguard cannot back up, with a message fit for people */
    public static BackupEngine forTarget(DatabaseTarget target, BackupOptions options) {
        switch (target.url().vendor()) {
            case POSTGRESQL:
                return new PgDumpEngine();
            case MYSQL:
            case MARIADB:
                return MysqlEngines.choose(options);
            case H2:
                return new H2ScriptEngine();
            case SQLITE:
                return new SqliteBackupEngine();
            default:
                throw new IllegalArgumentException("testguard cannot back up " + target.url().vendor().displayName()
                        + " databases such as " + target.url().masked() + " (supported: PostgreSQL, MySQL, MariaDB, H2, SQLite)");
        }
    }

    /**
     * The engine to restore a backup that the engine {@code manifestEngine} wrote: {@code chosen} (what
     * {@link #forTarget} picks today) when it is that engine, else the one that wrote it where that matters.
     * A built-in {@code jdbc-mysql} dump is restored by the built-in engine even when the MariaDB client is
     * installed, and a {@code mariadb-dump} one by the client when there is one.
     */
    public static BackupEngine forRestore(BackupEngine chosen, String manifestEngine, DatabaseTarget target, BackupOptions options) {
        if (manifestEngine == null || manifestEngine.equals(chosen.id())) {
            return chosen;
        }
        switch (target.url().vendor()) {
            case MYSQL:
            case MARIADB:
                BackupEngine matching = MysqlEngines.forId(manifestEngine, options);
                return matching == null ? chosen : matching;
            default:
                return chosen;
        }
    }
}
