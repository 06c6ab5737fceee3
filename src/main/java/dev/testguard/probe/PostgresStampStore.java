package dev.testguard.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Keeps the stamp in the database comment ({@code COMMENT ON DATABASE}). The comment lives in the shared
 * catalog {@code pg_shdescription}, outside every schema, so it survives what tests do: Flyway clean,
 * {@code DROP SCHEMA public CASCADE}, Hibernate create-drop. Only {@code DROP DATABASE} or another
 * {@code COMMENT ON DATABASE} removes it. Anyone who can connect can read it; writing needs the database owner.
 * A comment the user wrote is kept: the stamp is one {@code testguard:{json}} block appended to it.
 */
public final class PostgresStampStore implements StampStore {

    /** The comment of the database named by the one parameter (null: the connection's own); no row when it does not exist. */
    static final String COMMENT = "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
            + " WHERE datname = coalesce(?, current_database())";

    @Override
    public Optional<Stamp> read(Connection connection) throws SQLException {
        return readOf(connection, null);
    }

    @Override
    public void write(Connection connection, Stamp stamp) throws SQLException {
        writeOn(connection, null, stamp);
    }

    /**
     * The stamp of {@code database} (null: the connection's own), read through a connection to any database of the
     * server: the comment is in a shared catalog.
     */
    public static Optional<Stamp> readOf(Connection connection, String database) throws SQLException {
        return stampIn(comment(connection, database));
    }

    /** The stamp held by a database comment (null: none). */
    static Optional<Stamp> stampIn(String comment) {
        return StampJson.find(comment).map(StampJson.Block::stamp);
    }

    /** Stamps {@code database} (null: the connection's own) through a connection to any database of the server. */
    public static void writeOn(Connection connection, String database, Stamp stamp) throws SQLException {
        writeOn(connection, database, userText(comment(connection, database)), stamp);
    }

    /** {@code comment} without its stamp block: what the user wrote, or null. */
    public static String userText(String comment) {
        return StampJson.withoutBlock(comment);
    }

    /** Stamps {@code database}, keeping {@code userText} (null for none) before the stamp block. */
    public static void writeOn(Connection connection, String database, String userText, Stamp stamp) throws SQLException {
        String comment = commentWith(userText, stamp);
        String quoted;
        String literal;
        // COMMENT takes no bind parameters: let the server quote the name and the text itself
        try (PreparedStatement ps = connection.prepareStatement("SELECT quote_ident(coalesce(?, current_database())), quote_literal(?)")) {
            ps.setString(1, database);
            ps.setString(2, comment);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                quoted = rs.getString(1);
                literal = rs.getString(2);
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("COMMENT ON DATABASE " + quoted + " IS " + literal);
        }
    }

    /** The database comment that keeps {@code userText} (null for none) and holds {@code stamp}. */
    public static String commentWith(String userText, Stamp stamp) {
        return (userText == null ? "" : userText + "\n") + StampJson.block(stamp);
    }

    /** The whole comment of {@code database} (null: the connection's own), null when it has none or does not exist. */
    public static String comment(Connection connection, String database) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(COMMENT)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
