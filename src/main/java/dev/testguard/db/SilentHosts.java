package dev.testguard.db;

import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Vendor;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import dev.testguard.policy.DefaultPorts;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The servers that accepted a connection and then did not answer in time, for the rest of the build (the plugin's
 * class realm lives as long as the build). Shared by every goal and every vendor: a silent {@code host:port}
 * costs one timeout per build, whether PostgreSQL or MySQL was asked first.
 */
public final class SilentHosts {

    private static final Map<String, String> SILENT = new ConcurrentHashMap<>();

    private SilentHosts() {
    }

    /** Fails at once when a server of this URL already stayed silent in this build. */
    public static void refuseKnown(JdbcUrl url) throws SQLException {
        for (HostPort host : url.hosts()) {
            String earlier = SILENT.get(key(url.vendor(), host));
            if (earlier != null) {
                throw new SQLException(earlier + " (not retried in this build)", "08001");
            }
        }
    }

    /** Whether a server of this URL already stayed silent in this build. */
    public static Optional<String> known(JdbcUrl url) {
        for (HostPort host : url.hosts()) {
            String earlier = SILENT.get(key(url.vendor(), host));
            if (earlier != null) {
                return Optional.of(earlier);
            }
        }
        return Optional.empty();
    }

    /** Remembers every server of this URL as silent (a single-host URL is the case that matters). */
    public static void record(JdbcUrl url, long millis) {
        for (HostPort host : url.hosts()) {
            HostPort full = DefaultPorts.filledIn(host, url.vendor());
            SILENT.putIfAbsent(key(url.vendor(), host), "no answer from " + full + " within " + millis + " ms");
        }
    }

    /** Whether the driver gave up waiting (a read or login timeout), as opposed to a refusal or an error. */
    public static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
            String message = t.getMessage();
            if (t instanceof SQLException && message != null && message.contains("Connection attempt timed out")) {
                return true; // PgJDBC's loginTimeout
            }
        }
        return false;
    }

    private static String key(Vendor vendor, HostPort host) {
        return DefaultPorts.filledIn(host, vendor).toString().toLowerCase(Locale.ROOT);
    }

    /** For tests: forget everything. */
    static void clear() {
        SILENT.clear();
    }
}
