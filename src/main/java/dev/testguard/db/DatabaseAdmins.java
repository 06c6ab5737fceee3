package dev.testguard.db;

/** The {@link DatabaseAdmin} for a database's vendor. */
public final class DatabaseAdmins {

    private DatabaseAdmins() {
    }

    /** @throws IllegalArgumentException for a vendor testguard cannot administer, with a message fit for people */
    public static DatabaseAdmin forTarget(DatabaseTarget target) {
        switch (target.url().vendor()) {
            case POSTGRESQL:
                return new PostgresAdmin(target);
            case MYSQL:
            case MARIADB:
                return new MysqlAdmin(target);
            case H2:
                return new H2Admin(target);
            case SQLITE:
                return new SqliteAdmin(target);
            default:
                throw new IllegalArgumentException("testguard cannot administer " + target.url().vendor().displayName()
                        + " databases such as " + target.url().masked() + " (backup, restore and reset support PostgreSQL,"
                        + " MySQL, MariaDB, H2 and SQLite)");
        }
    }
}
