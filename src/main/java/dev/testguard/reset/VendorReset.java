package dev.testguard.reset;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.probe.Stamp;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Emptying a database and keeping/restoring its baseline: one implementation per vendor family. An instance serves
 * one reset and may keep a connection open in between; close it afterwards.
 */
interface VendorReset extends AutoCloseable {

    /** Leaves {@code target} existing and empty (created when it was missing). */
    void wipe(DatabaseTarget target) throws SQLException;

    /** Captures {@code source}'s current state as its baseline, replacing any older one. */
    void saveBaseline(DatabaseTarget source, BaselineInfo info) throws SQLException;

    /** What is stored with the baseline of {@code database}, or empty when it has none. */
    Optional<BaselineInfo> baseline(DatabaseTarget database) throws SQLException;

    /** Replaces the content of {@code into} (created when missing) with the baseline of {@code baselineOf}. */
    void restoreBaseline(DatabaseTarget baselineOf, DatabaseTarget into) throws SQLException;

    /** Creates {@code into}, which does not exist, as a copy of the baseline of {@code baselineOf} (no spare kept for it). */
    default void cloneBaseline(DatabaseTarget baselineOf, DatabaseTarget into) throws SQLException {
        restoreBaseline(baselineOf, into);
    }

    /** Drops the baseline of {@code database}, if any. */
    void dropBaseline(DatabaseTarget database) throws SQLException;

    /** Whether the database exists (so that reading its stamp creates nothing). */
    default boolean exists(DatabaseTarget target) throws SQLException {
        return dev.testguard.db.DatabaseAdmins.forTarget(target).exists(target.databaseName());
    }

    /** The stamp of {@code target}; empty when it has none or does not exist (reading it creates nothing). */
    default Optional<Stamp> stamp(DatabaseTarget target) throws SQLException {
        return exists(target) ? TestStamps.read(target) : Optional.empty();
    }

    /** Writes {@code stamp} into {@code target}, which exists. */
    default void writeStamp(DatabaseTarget target, Stamp stamp) throws SQLException {
        TestStamps.write(target, stamp);
    }

    @Override
    default void close() throws SQLException {
    }

    /** A connectable URL for {@code target} (embedded paths made absolute). */
    default DatabaseTarget connectable(DatabaseTarget target) throws SQLException {
        return target;
    }
}
