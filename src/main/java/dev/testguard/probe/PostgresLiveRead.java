package dev.testguard.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * PostgreSQL's live checks in one statement, one round trip: the database comment that holds the stamp
 * ({@link PostgresStampStore}), the row estimate ({@link RowEstimates}) and the server identity
 * ({@link ServerIdentities}), each as the step-by-step read asks it. Only the first choice of the identity is
 * asked: the system identifier, which any user may read unless an administrator revoked pg_control_system(); then
 * the statement fails and {@link LiveReading} falls back to the step-by-step reads.
 */
final class PostgresLiveRead {

    private static final String SQL = "SELECT (" + PostgresStampStore.COMMENT + "), (" + RowEstimates.POSTGRES + "),"
            + " current_database(), (" + ServerIdentities.POSTGRES_PORT + "), (" + ServerIdentities.POSTGRES_SYSTEM_ID + ")";

    private PostgresLiveRead() {
    }

    /**
     * Empty inside a transaction: a failed statement would abort the caller's transaction, and the fallback with it.
     */
    static Optional<LiveReading.Values> read(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = connection.prepareStatement(SQL)) {
            ps.setString(1, null);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Stamp stamp = PostgresStampStore.stampIn(rs.getString(1)).orElse(null);
                long rows = rs.getLong(2);
                String database = rs.getString(3);
                ServerIdentity identity = new ServerIdentity(ServerIdentities.postgresServer(rs.getString(5), rs.getString(4)),
                        database == null ? "?" : database);
                return Optional.of(new LiveReading.Values(stamp, rows, identity));
            }
        }
    }
}
