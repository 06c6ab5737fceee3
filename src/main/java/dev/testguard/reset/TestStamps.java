package dev.testguard.reset;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.probe.Stamp;
import dev.testguard.probe.StampStore;
import dev.testguard.probe.StampStores;
import dev.testguard.probe.Stamper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Reads and writes identity stamps of databases testguard has just reset or created (and so knows to be test ones). */
public final class TestStamps {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final Clock clock;
    private final String project;

    public TestStamps(Clock clock, String project) {
        this.clock = clock;
        this.project = project;
    }

    public Stamp stampTest(DatabaseTarget connectable) throws SQLException {
        Stamp stamp = testStamp();
        write(connectable, stamp);
        return stamp;
    }

    /** A {@code test} stamp dated now, to write with {@link #write}. */
    public Stamp testStamp() {
        return new Stamp(Stamp.Role.TEST, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), Stamper.currentUser(), project);
    }

    public static void write(DatabaseTarget connectable, Stamp stamp) throws SQLException {
        try (Connection c = Connections.open(connectable, TIMEOUT)) {
            store(connectable).write(c, stamp);
        }
    }

    public static Optional<Stamp> read(DatabaseTarget connectable) throws SQLException {
        try (Connection c = Connections.open(connectable, TIMEOUT)) {
            return store(connectable).read(c);
        }
    }

    private static StampStore store(DatabaseTarget target) throws SQLException {
        return StampStores.forVendor(target.url().vendor()).orElseThrow(() -> new SQLException(
                "testguard cannot stamp " + target.url().vendor().displayName() + " databases"));
    }
}
