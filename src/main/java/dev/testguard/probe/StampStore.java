package dev.testguard.probe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads and writes the identity stamp inside one database, the one the connection is attached to.
 * {@link #read} needs only read rights and changes nothing, so it is safe on a read-only connection.
 */
public interface StampStore {

    Optional<Stamp> read(Connection connection) throws SQLException;

    /** Replaces any stamp with this one. Needs rights to change the database (owner, or DDL rights). */
    void write(Connection connection, Stamp stamp) throws SQLException;
}
