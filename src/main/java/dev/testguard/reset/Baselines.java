package dev.testguard.reset;

import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Baselines for other goals (provision): is there a fresh one, and clone it into a new database. */
public final class Baselines {

    /** The most spares a pool of ready copies keeps ({@code __tgspare_1} to {@code __tgspare_64}). */
    public static final int MAX_POOL_SPARES = 64;

    private final Path baseDir;

    public Baselines(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** The PostgreSQL template database that holds the baseline of {@code database}. */
    public static String postgresTemplate(String database) {
        return PostgresReset.baselineName(database);
    }

    /** The name of spare copy {@code k} of the baseline of {@code database} that provision keeps ready (PostgreSQL). */
    public static String postgresPoolSpare(String database, int k) {
        return BaselineNames.of(database, "__tgspare_" + k, PostgresReset.MAX_NAME);
    }

    /** The name of spare copy {@code k} of the baseline of {@code database} that provision keeps ready (MariaDB). */
    public static String mariadbPoolSpare(String database, int k) {
        return BaselineNames.of(database, "__tgspare_" + k, MysqlReset.MAX_NAME);
    }

    /** The MariaDB database that holds the baseline of {@code database}. */
    public static String mariadbBaseline(String database) {
        return MysqlReset.baselineName(database);
    }

    /** Copies the tables and rows of the baseline of {@code baselineOf} into {@code into} (MariaDB; same server, empty). */
    public static void copyMariadbTables(Connection c, String baselineOf, String into) throws SQLException {
        MysqlReset.copyTables(c, mariadbBaseline(baselineOf), into);
    }

    /** Creates the views and triggers of the baseline of {@code baselineOf} in {@code into}, whose tables are there. */
    public static void copyMariadbViewsAndTriggers(Connection c, String baselineOf, String into) throws SQLException {
        MysqlReset.copyViewsAndTriggers(c, mariadbBaseline(baselineOf), into);
    }

    /** The baseline of {@code database}, whatever its key, or empty. */
    public Optional<BaselineInfo> find(DatabaseTarget database) throws ResetException {
        try (VendorReset vendor = VendorResets.forTarget(database, baseDir)) {
            return vendor.baseline(database);
        } catch (SQLException e) {
            throw new ResetException("testguard cannot read the baseline of " + database + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code into} (must not exist) as a copy of the baseline of {@code baselineOf}, which no reset changes meanwhile. */
    public void cloneInto(DatabaseTarget baselineOf, DatabaseTarget into) throws SQLException, ResetException {
        try (VendorReset vendor = VendorResets.forTarget(into, baseDir);
             DatabaseLock lock = DatabaseAdmins.forTarget(baselineOf).lock(baselineOf.databaseName(), Resetter.LOCK_WAIT)) {
            vendor.cloneBaseline(baselineOf, into);
        }
    }
}
