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

    @Override
    public Optional<Stamp> read(Connection connection) throws SQLException {
        return StampJson.find(currentComment(connection)).map(StampJson.Block::stamp);
    }

    @Override
    public void write(Connection connection, Stamp stamp) throws SQLException {
        String userText = StampJson.withoutBlock(currentComment(connection));
        String comment = (userText == null ? "" : userText + "\n") + StampJson.block(stamp);
        String database;
        String literal;
        // COMMENT takes no bind parameters: let the server quote the name and the text itself
        try (PreparedStatement ps = connection.prepareStatement("SELECT quote_ident(current_database()), quote_literal(?)")) {
            ps.setString(1, comment);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                database = rs.getString(1);
                literal = rs.getString(2);
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("COMMENT ON DATABASE " + database + " IS " + literal);
        }
    }

    static String currentComment(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
