package dev.testguard.reset;

import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;

/** The {@link VendorReset} for a database's vendor. */
final class VendorResets {

    private VendorResets() {
    }

    static VendorReset forTarget(DatabaseTarget target, Path baseDir) throws ResetException {
        switch (target.url().vendor()) {
            case POSTGRESQL:
                return new PostgresReset();
            case MYSQL:
            case MARIADB:
                return new MysqlReset();
            case H2:
                return new H2Reset(baseDir);
            case SQLITE:
                return new SqliteReset(baseDir);
            default:
                throw new ResetException("testguard cannot reset " + target.url().vendor().displayName() + " databases such as "
                        + target + ": reset supports PostgreSQL, MySQL, MariaDB, H2 and SQLite.");
        }
    }
}
