package dev.testguard.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The failure path of a transaction the caller runs with auto-commit off. Every failure, checked or not, must roll
 * back before the caller's {@code finally} turns auto-commit back on: JDBC commits an open transaction when
 * auto-commit is switched on, so a RuntimeException let through would commit half the work (a database renamed aside
 * without its replacement, a claim without its build's record).
 */
public final class Transactions {

    private Transactions() {
    }

    /** Rolls back after {@code failure}; a rollback that fails too is added to it rather than hiding it. */
    public static void rollbackAfter(Connection c, Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
