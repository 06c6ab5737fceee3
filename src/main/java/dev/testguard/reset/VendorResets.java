package dev.testguard.reset;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.work.BackgroundWork;
import java.nio.file.Path;

/** The {@link VendorReset} for a database's vendor. */
final class VendorResets {

    private VendorResets() {
    }

    /**
     * For work that leaves nothing to the background and stamps nothing (reading or cloning a baseline): no reset runs,
     * so no spare is taken or made again.
     */
    static VendorReset forTarget(DatabaseTarget target, Path baseDir) throws ResetException {
        return forTarget(target, baseDir, BackgroundWork.inline(), null);
    }

    /**
     * @param work   where the vendor hands the work that may follow the reset (PostgreSQL's next spare copy, a slot of
     *               provision's pool that the reset took)
     * @param stamps the {@code test} stamp such a spare carries
     */
    static VendorReset forTarget(DatabaseTarget target, Path baseDir, BackgroundWork work, TestStamps stamps)
            throws ResetException {
        switch (target.url().vendor()) {
            case POSTGRESQL:
                return new PostgresReset(work, stamps);
            case MYSQL:
            case MARIADB:
                return new MysqlReset(work);
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
