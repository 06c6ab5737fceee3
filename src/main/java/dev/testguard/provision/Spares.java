package dev.testguard.provision;

import dev.testguard.probe.Stamp;
import dev.testguard.reset.TestStamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One vendor's way of keeping the ready copies of a {@link SparePool}: all its SQL is in that vendor's db admin class. */
interface Spares {

    /** The connection a claim runs on. */
    Connection connect() throws SQLException;

    /**
     * Hands spares of the current baseline (of {@code spares}) to the names of {@code tokens}, none of which exists,
     * each with its provision token and {@code stamp}, over {@code c} (closed afterwards); returns the names that got one.
     */
    Set<String> claim(Connection c, List<String> spares, Map<String, String> tokens, Stamp stamp) throws SQLException;

    /** Brings {@code spares} up to date with the current baseline (PostgreSQL stamps each spare from {@code stamps}). */
    SparePool.Refill refill(List<String> spares, TestStamps stamps) throws SQLException;

    /** Drops those of {@code candidates} that carry the pool marker (current or stale); returns their names. */
    List<String> drop(List<String> candidates) throws SQLException;
}
