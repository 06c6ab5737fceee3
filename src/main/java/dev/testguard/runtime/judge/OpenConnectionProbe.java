package dev.testguard.runtime.judge;

import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Secrets;
import dev.testguard.probe.LiveFacts;
import dev.testguard.probe.LiveProbe;
import dev.testguard.probe.LiveReading;
import dev.testguard.probe.StampStore;
import dev.testguard.probe.StampStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The live probe of the runtime guard: reads the stamp, the row estimate and the server identity over the
 * connection the test just opened, before the test gets it ({@link LiveReading}: one round trip on PostgreSQL).
 * It opens nothing and changes nothing.
 */
final class OpenConnectionProbe implements LiveProbe {

    private final Connection connection;

    OpenConnectionProbe(Connection connection) {
        this.connection = connection;
    }

    @Override
    public LiveFacts inspect(JdbcUrl url, Credentials credentials) {
        Optional<StampStore> store = StampStores.forVendor(url.vendor());
        if (store.isEmpty()) {
            return new LiveFacts(LiveFacts.Status.NOT_CHECKED, null, null, null,
                    "testguard has no live checks for " + url.vendor().displayName(), 0);
        }
        long start = System.nanoTime();
        LiveReading reading = new LiveReading();
        try {
            return reading.read(url, connection).facts(LiveFacts.Status.REACHABLE, null, millisSince(start));
        } catch (SQLException | RuntimeException e) {
            String message = "connected to " + url.masked() + " but could not read it: "
                    + Secrets.maskText(String.valueOf(e.getMessage()), url.password(), credentials == null ? null
                            : credentials.password());
            return reading.facts(LiveFacts.Status.ERROR, message, millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
