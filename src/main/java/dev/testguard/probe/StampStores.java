package dev.testguard.probe;

import dev.testguard.jdbc.Vendor;
import java.util.Optional;

/** The stamp store for each vendor testguard can stamp. */
public final class StampStores {

    private StampStores() {
    }

    /** The store for {@code vendor}, or empty when testguard cannot stamp that kind of database. */
    public static Optional<StampStore> forVendor(Vendor vendor) {
        switch (vendor) {
            case POSTGRESQL:
                return Optional.of(new PostgresStampStore());
            case MYSQL:
            case MARIADB:
                return Optional.of(new MysqlStampStore());
            case H2:
                return Optional.of(new H2StampStore());
            case SQLITE:
                return Optional.of(new SqliteStampStore());
            default:
                return Optional.empty();
        }
    }
}
