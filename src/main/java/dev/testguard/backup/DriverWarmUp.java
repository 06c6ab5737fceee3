package dev.testguard.backup;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Storage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * On a cold JVM most of the time before a dump can start goes into the JDBC driver's first connection (loading and
 * initialising the driver). One connection to the first server target is opened and closed beside the store's locking
 * and cleaning, so that the engine's own connection finds the driver ready. What fails here is the engine's to report.
 */
final class DriverWarmUp implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Beside<Void> opening;

    private DriverWarmUp(Beside<Void> opening) {
        this.opening = opening;
    }

    static DriverWarmUp start(List<DatabaseTarget> targets) {
        return new DriverWarmUp(targets.stream().filter(t -> t.url().storage() == Storage.SERVER).findFirst()
                .map(t -> Beside.run("jdbc-warm-up", () -> openAndClose(t))).orElse(null));
    }

    private static void openAndClose(DatabaseTarget target) {
        try (Connection ignored = Connections.open(target, TIMEOUT)) {
            // only the driver's readiness matters
        } catch (SQLException e) {
            // the engine connects again and reports it
        }
    }

    /** Waits until the warm-up connection is closed: none outlives the command. */
    @Override
    public void close() {
        if (opening != null) {
            opening.await();
        }
    }
}
