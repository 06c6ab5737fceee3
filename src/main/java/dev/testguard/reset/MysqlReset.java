package dev.testguard.reset;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MariadbPoolAdmin;
import dev.testguard.db.MysqlAdmin;
import dev.testguard.work.BackgroundWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MySQL and MariaDB: a reset drops and recreates the database (other sessions killed first) with its character
 * set and collation. A baseline is a sibling database {@code <name>__tgbase} filled on the server itself: each
 * table recreated from {@code SHOW CREATE TABLE} (indexes, foreign keys, AUTO_INCREMENT kept) and filled with
 * {@code INSERT ... SELECT}, then views and triggers. Measured faster than a dump and restore (see the report in
 * bench/). Its {@link BaselineInfo} lives in a table {@code testguard_baseline} that is never copied back.
 */
final class MysqlReset implements VendorReset {

    static final int MAX_NAME = 64;
    static final String INFO_TABLE = MariadbPoolAdmin.BASELINE_INFO_TABLE;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BackgroundWork work;
    private final List<Runnable> deferred = new ArrayList<>();

    MysqlReset(BackgroundWork work) {
        this.work = work;
    }

    @Override
    public void wipe(DatabaseTarget target) throws SQLException {
        String name = target.databaseName();
        String[] charset = charset(target, name);
        new MysqlAdmin(target).drop(name);
        try (Connection c = server(target)) {
            execute(c, "CREATE DATABASE " + q(name) + (charset == null ? " CHARACTER SET utf8mb4"
                    : " CHARACTER SET " + charset[0] + " COLLATE " + charset[1]));
        }
    }

    @Override
    public void saveBaseline(DatabaseTarget source, BaselineInfo info) throws SQLException {
        String base = baselineName(source.databaseName());
        new MysqlAdmin(source).drop(base);
        try (Connection c = server(source)) {
            String[] charset = charset(c, source.databaseName());
            execute(c, "CREATE DATABASE " + q(base) + (charset == null ? "" : " CHARACTER SET " + charset[0] + " COLLATE " + charset[1]));
            copy(c, source.databaseName(), base);
            execute(c, "CREATE TABLE " + q(base) + "." + q(INFO_TABLE) + " (info TEXT NOT NULL)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(base) + "." + q(INFO_TABLE) + " VALUES (?)")) {
                ps.setString(1, info.toJson());
                ps.executeUpdate();
            }
        }
    }

    @Override
    public Optional<BaselineInfo> baseline(DatabaseTarget database) throws SQLException {
        String base = baselineName(database.databaseName());
        MysqlAdmin admin = new MysqlAdmin(database);
        if (!admin.exists(base)) {
            return Optional.empty();
        }
        try (Connection c = server(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT info FROM " + q(base) + "." + q(INFO_TABLE))) {
            BaselineInfo info = rs.next() ? BaselineInfo.fromJson(rs.getString(1)) : null;
            return Optional.of(info == null ? new BaselineInfo("unknown", java.time.Instant.EPOCH, null, null) : info);
        } catch (SQLException e) {
            return Optional.of(new BaselineInfo("unknown", java.time.Instant.EPOCH, null, null));
        }
    }

    /**
     * Empties {@code into} (keeping its character set), then moves in the tables of a ready spare of provision's pool
     * ({@link MariadbSpareFill#take}) when there is one, else copies the baseline. A spare taken is made again after
     * the reset, under the baseline's lock, by the {@link BackgroundWork} this reset was given.
     */
    @Override
    public void restoreBaseline(DatabaseTarget baselineOf, DatabaseTarget into) throws SQLException {
        wipe(into);
        try (Connection c = server(into)) {
            String spare = MariadbSpareFill.take(c, baselineOf.databaseName(), into.databaseName());
            if (spare == null) {
                copy(c, baselineName(baselineOf.databaseName()), into.databaseName());
            } else {
                fillLater(baselineOf, spare);
            }
        }
    }

    private void fillLater(DatabaseTarget baselineOf, String spare) {
        deferred.add(() -> work.start("prepare the spare copy " + spare + " of the baseline of " + baselineOf, () -> {
            try (Connection bg = server(baselineOf);
                 DatabaseLock lock = new MysqlAdmin(baselineOf).lock(baselineOf.databaseName(), Resetter.LOCK_WAIT)) {
                return "spare copy " + spare + " of the baseline of " + baselineOf + ": "
                        + MariadbSpareFill.fill(bg, baselineOf.databaseName(), spare);
            }
        }));
    }

    /** Starts the work that follows the reset: after the reset's lock is released, since that work takes it too. */
    @Override
    public void close() {
        deferred.forEach(Runnable::run);
        deferred.clear();
    }

    /** A plain CREATE DATABASE, which fails when {@code into} exists: a clone never replaces a database. */
    @Override
    public void cloneBaseline(DatabaseTarget baselineOf, DatabaseTarget into) throws SQLException {
        String base = baselineName(baselineOf.databaseName());
        try (Connection c = server(into)) {
            String[] charset = charset(c, base);
            execute(c, "CREATE DATABASE " + q(into.databaseName())
                    + (charset == null ? "" : " CHARACTER SET " + charset[0] + " COLLATE " + charset[1]));
            copy(c, base, into.databaseName());
        }
    }

    @Override
    public void dropBaseline(DatabaseTarget database) throws SQLException {
        new MysqlAdmin(database).drop(baselineName(database.databaseName()));
    }

    static String baselineName(String database) {
        return BaselineNames.of(database, MAX_NAME);
    }

    /** Copies tables, data, views and triggers from one database into another, empty one, on the same server. */
    static void copy(Connection c, String from, String to) throws SQLException {
        refuseRoutines(c, from);
        copyTables(c, from, to);
        copyViewsAndTriggers(c, from, to);
    }

    /** Copies the base tables and their rows (not the baseline info), leaving {@code c} on {@code to}. */
    static void copyTables(Connection c, String from, String to) throws SQLException {
        c.setCatalog(to);
        execute(c, "SET SESSION FOREIGN_KEY_CHECKS = 0");
        execute(c, "SET SESSION UNIQUE_CHECKS = 0");
        try {
            List<String> tables = MysqlAdmin.tables(c, from);
            tables.remove(INFO_TABLE);
            for (String table : tables) {
                execute(c, showCreate(c, "TABLE", from, table, 2));
            }
            for (String table : tables) {
                String columns = insertableColumns(c, from, table);
                execute(c, "INSERT INTO " + q(to) + "." + q(table) + " (" + columns + ") SELECT " + columns + " FROM "
                        + q(from) + "." + q(table));
            }
        } finally {
            execute(c, "SET SESSION FOREIGN_KEY_CHECKS = 1");
            execute(c, "SET SESSION UNIQUE_CHECKS = 1");
        }
    }

    /** Creates the views and triggers of {@code from} in {@code to}, whose tables are there already. */
    static void copyViewsAndTriggers(Connection c, String from, String to) throws SQLException {
        c.setCatalog(to);
        copyViews(c, from, to);
        for (String trigger : names(c, "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?"
                + " ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER", from)) {
            execute(c, showCreate(c, "TRIGGER", from, trigger, 3));
        }
    }

    /** Views may select from views: create in passes until none is left or no pass makes progress. */
    private static void copyViews(Connection c, String from, String to) throws SQLException {
        List<String> pending = names(c, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY 1", from);
        while (!pending.isEmpty()) {
            List<String> failed = new ArrayList<>();
            SQLException last = null;
            for (String view : pending) {
                String ddl = showCreate(c, "VIEW", from, view, 2).replace(q(from) + ".", q(to) + ".");
                try {
                    execute(c, ddl);
                } catch (SQLException e) {
                    failed.add(view);
                    last = e;
                }
            }
            if (failed.size() == pending.size()) {
                throw last;
            }
            pending = failed;
        }
    }

    private static void refuseRoutines(Connection c, String database) throws SQLException {
        List<String> routines = names(c, "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?", database);
        routines.addAll(names(c, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?", database));
        if (!routines.isEmpty()) {
            throw new SQLException("testguard baselines copy tables, views and triggers; " + database + " also holds stored"
                    + " routines or events " + routines + ". Create them from an init script instead (<initScripts>), or reset"
                    + " with -Dtestguard.baseline=ignore");
        }
    }

    private static String insertableColumns(Connection c, String database, String table) throws SQLException {
        List<String> columns = names(c, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
                + " AND EXTRA NOT LIKE '%GENERATED%' ORDER BY ORDINAL_POSITION", database, table);
        StringBuilder sb = new StringBuilder();
        for (String column : columns) {
            sb.append(sb.length() == 0 ? "" : ", ").append(q(column));
        }
        return sb.toString();
    }

    private static String showCreate(Connection c, String kind, String database, String name, int column) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW CREATE " + kind + " " + q(database) + "." + q(name))) {
            rs.next();
            return rs.getString(column);
        }
    }

    private static List<String> names(Connection c, String sql, String... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String[] charset(DatabaseTarget target, String name) throws SQLException {
        try (Connection c = server(target)) {
            return charset(c, name);
        }
    }

    private static String[] charset(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }

    private static Connection server(DatabaseTarget any) throws SQLException {
        return Connections.open(MysqlAdmin.withDatabase(any.url(), null), any.effectiveCredentials(), TIMEOUT);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String q(String identifier) {
        return MysqlAdmin.quote(identifier);
    }
}
