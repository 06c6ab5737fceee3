package dev.testguard.probe;

import dev.testguard.jdbc.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The stamp and the estimated rows of the database a connection is attached to, read over that connection. */
public record DatabaseFacts(Optional<Stamp> stamp, Long rows) {

    /** Reads both over {@code connection}; a vendor testguard cannot stamp has no stamp. */
    public static DatabaseFacts read(Vendor vendor, Connection connection) throws SQLException {
        Optional<StampStore> store = StampStores.forVendor(vendor);
        Optional<Stamp> stamp = store.isPresent() ? store.get().read(connection) : Optional.empty();
        return new DatabaseFacts(stamp, RowEstimates.estimate(vendor, connection));
    }

    public boolean stampedTest() {
        return stamp.isPresent() && stamp.get().role() == Stamp.Role.TEST;
    }

    public boolean stampedProtected() {
        return stamp.isPresent() && stamp.get().role() == Stamp.Role.PROTECTED;
    }
}
