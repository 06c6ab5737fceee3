package dev.testguard.probe;

import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the live checks read over an open connection: the stamp, the row estimate and the server identity of the
 * database it is attached to, in as few round trips as the vendor allows: one statement on PostgreSQL; one on
 * MariaDB and two on MySQL (whose statistics cache is switched off first), plus one when the stamp table exists.
 * Where that statement cannot run (pg_control_system() revoked, an old server), and for the embedded engines, the
 * three are read step by step, each with its own fallbacks. Whatever was read before a failure stays available
 * to the report.
 */
public final class LiveReading {

    /** The three values, read together. */
    record Values(Stamp stamp, Long rows, ServerIdentity identity) {
    }

    private Stamp stamp;
    private Long rows;
    private ServerIdentity identity;

    /** Reads over a client connection (not a file database's). */
    public LiveReading read(JdbcUrl url, Connection connection) throws SQLException {
        return read(url, connection, Optional.empty());
    }

    LiveReading read(JdbcUrl url, Connection connection, Optional<SafeUrls.EmbeddedFile> file) throws SQLException {
        Optional<Values> together = file.isEmpty() ? readTogether(url.vendor(), connection) : Optional.empty();
        if (together.isPresent()) {
            stamp = together.get().stamp();
            rows = together.get().rows();
            identity = together.get().identity();
            return this;
        }
        stamp = StampStores.forVendor(url.vendor()).orElseThrow().read(connection).orElse(null);
        rows = RowEstimates.estimate(url.vendor(), connection);
        identity = ServerIdentities.read(url, connection, file);
        return this;
    }

    /** Empty when the vendor has no one-statement read or the statement failed over a connection still open. */
    private static Optional<Values> readTogether(Vendor vendor, Connection connection) throws SQLException {
        try {
            if (vendor == Vendor.POSTGRESQL) {
                return PostgresLiveRead.read(connection);
            }
            return vendor.isMysqlFamily() ? MysqlLiveRead.read(connection) : Optional.empty();
        } catch (SQLException e) {
            if (closed(connection)) {
                throw e; // a network timeout or a lost server: the step-by-step reads would only say "closed"
            }
            return Optional.empty();
        }
    }

    /** False when the connection cannot tell (the runtime guard's JDBC view of an R2DBC connection). */
    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The facts for the report, with what was read so far. */
    public LiveFacts facts(LiveFacts.Status status, String message, long millis) {
        return new LiveFacts(status, stamp, rows, identity, message, millis);
    }
}
