package dev.testguard.reset;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.PostgresAdmin;
import dev.testguard.probe.PostgresStampStore;
import dev.testguard.probe.Stamp;
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
 * PostgreSQL: a reset drops and recreates the database (other sessions ended first) with its owner, encoding and
 * locale; a user who may not create databases gets every object in the database's schemas dropped instead.
 * A baseline is a template database {@code <name>__tgbase} (connections disallowed, so nothing drifts it and
 * {@code CREATE DATABASE ... TEMPLATE} never waits), its {@link BaselineInfo} in the database comment.
 * The caller holds the database's lock ({@link PostgresAdmin#lock}); background work takes it too, or skips. That work
 * goes to the {@link BackgroundWork} the caller passes, which owns it (the build, in Maven).
 */
final class PostgresReset implements VendorReset {

    static final int MAX_NAME = 63;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String SPARE_MARKER = "testguard-spare-of:";

    private final BackgroundWork work;
    private final TestStamps stamps;
    private Connection connection;
    private final List<Runnable> deferred = new ArrayList<>();

    /** @param stamps the {@code test} stamp a spare of provision's pool that a reset makes again carries */
    PostgresReset(BackgroundWork work, TestStamps stamps) {
        this.work = work;
        this.stamps = stamps;
    }

    /** What to recreate a database with. */
    private record Shape(String owner, String encoding, String collate, String ctype) {
    }

    @Override
    public void wipe(DatabaseTarget target) throws SQLException {
        String name = target.databaseName();
        Connection c = connection(target);
        Optional<Shape> shape = shape(c, name);
        if (shape.isEmpty()) {
            execute(c, "CREATE DATABASE " + q(name));
            return;
        }
        if (mayRecreate(c, shape.get())) {
            dropDatabase(c, name);
            execute(c, "CREATE DATABASE " + q(name) + " OWNER " + q(shape.get().owner()) + " TEMPLATE template0"
                    + " ENCODING " + literal(shape.get().encoding()) + " LC_COLLATE " + literal(shape.get().collate())
                    + " LC_CTYPE " + literal(shape.get().ctype()));
            return;
        }
        dropAllObjects(target);
    }

    @Override
    public void saveBaseline(DatabaseTarget source, BaselineInfo info) throws SQLException {
        work.awaitAll();
        String database = source.databaseName();
        String base = baselineName(database);
        Connection c = connection(source);
        String owner = shape(c, database).map(Shape::owner).orElse(null);
        dropDatabase(c, spareName(database));
        dropDatabase(c, base);
        createFromTemplate(c, base, source.databaseName(), null);
        execute(c, "ALTER DATABASE " + q(base) + " WITH ALLOW_CONNECTIONS false");
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_literal(?)")) {
            ps.setString(1, info.toJson());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                execute(c, "COMMENT ON DATABASE " + q(base) + " IS " + rs.getString(1));
            }
        }
        later("prepare the first baseline copy of " + source, () -> {
            try (Connection bg = maintenance(source)) {
                if (!PostgresAdmin.tryLock(bg, database)) {
                    return null; // a reset of it is under way and prepares the spare itself
                }
                prepareSpare(bg, spareName(database), baselineName(database), owner);
                return "prepared the first baseline copy of " + source;
            }
        });
    }

    @Override
    public Optional<BaselineInfo> baseline(DatabaseTarget database) throws SQLException {
        try (PreparedStatement ps = connection(database).prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            ps.setString(1, baselineName(database.databaseName()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                BaselineInfo info = BaselineInfo.fromJson(rs.getString(1));
                return Optional.of(info == null ? new BaselineInfo("unknown", java.time.Instant.EPOCH, null, null) : info);
            }
        }
    }

    /**
     * Copying a template costs PostgreSQL a checkpoint or a WAL flush of every page: half a second or more even for
     * a small database. So the copy is made ahead of time: a spare {@code <name>__tgspare} cloned from the baseline
     * waits, and a reset only swaps names (the current database becomes {@code <name>__tgtrash}, the spare becomes
     * the database), which takes milliseconds. Dropping the old database and cloning the next spare follow in the
     * background. Without a spare of its own, a reset renames a ready spare of provision's pool into place
     * ({@link PostgresSpareFill#take}) and makes that slot of the pool again afterwards, so that the next provision
     * finds the pool full; without either, it copies the template itself.
     */
    @Override
    public void restoreBaseline(DatabaseTarget baselineOf, DatabaseTarget into) throws SQLException {
        work.awaitAll();
        String name = into.databaseName();
        String base = baselineName(baselineOf.databaseName());
        String spare = spareName(name);
        String trash = null;
        Connection c = connection(into);
        Optional<Shape> shape = shape(c, name);
        if (shape.isPresent() && !mayRecreate(c, shape.get())) {
            throw new SQLException("restoring a baseline recreates the database, and " + currentUser(c)
                    + " may not create databases or does not own " + name
                    + ". Connect as a role with CREATEDB that owns it (-Dtestguard.username), or use -Dtestguard.baseline=ignore");
        }
        String owner = shape.map(Shape::owner).orElse(null);
        String poolSpare = null;
        if (isSpareOf(c, spare, base, owner)) {
            if (shape.isPresent()) {
                trash = BaselineNames.of(name, "__tgtrash", MAX_NAME);
                dropDatabase(c, trash);
                rename(c, name, trash);
            }
            rename(c, spare, name);
            // its comment, the spare marker, goes when the caller stamps it (see writeStamp)
        } else {
            dropDatabase(c, name);
            poolSpare = PostgresSpareFill.take(c, baselineOf.databaseName(), name, owner);
            if (poolSpare == null) {
                createFromTemplate(c, name, base, owner);
            }
        }
        String oldDatabase = trash;
        String taken = poolSpare;
        later("prepare the next baseline copy of " + into + (taken == null ? "" : " and the spare copy " + taken), () -> {
            String next = prepareNextCopy(into, oldDatabase, spare, base, owner);
            return taken == null ? next : join(next, fillPoolSlot(baselineOf, taken, owner));
        });
    }

    /** Drops the database a swap replaced and clones the reset's own next spare, unless another reset of it is under way. */
    private static String prepareNextCopy(DatabaseTarget into, String oldDatabase, String spare, String base, String owner)
            throws SQLException {
        try (Connection bg = maintenance(into)) {
            if (!PostgresAdmin.tryLock(bg, into.databaseName())) {
                return null; // another reset of it is under way; a later one drops the old copy and prepares the spare
            }
            if (oldDatabase != null) {
                dropDatabase(bg, oldDatabase);
            }
            prepareSpare(bg, spare, base, owner);
            return "prepared the next baseline copy of " + into;
        }
    }

    /**
     * Makes the slot of provision's pool that the reset took again, for the same owner, under the baseline's lock (waited
     * for, as provision's refill does: skipped, the pool would stay one short).
     */
    private String fillPoolSlot(DatabaseTarget baselineOf, String spare, String owner) throws SQLException {
        try (Connection bg = maintenance(baselineOf);
             DatabaseLock lock = new PostgresAdmin(baselineOf).lock(baselineOf.databaseName(), Resetter.LOCK_WAIT)) {
            return "spare copy " + spare + " of the baseline of " + baselineOf + ": "
                    + PostgresSpareFill.fill(bg, baselineOf.databaseName(), spare, owner, stamps.testStamp());
        }
    }

    private static String join(String first, String second) {
        return first == null ? second : first + "; " + second;
    }

    /** A provisioned database lives for one build: a spare kept for it would outlive it, so none is prepared. */
    @Override
    public void cloneBaseline(DatabaseTarget baselineOf, DatabaseTarget into) throws SQLException {
        work.awaitAll();
        createFromTemplate(connection(into), into.databaseName(), baselineName(baselineOf.databaseName()), null);
    }

    @Override
    public boolean exists(DatabaseTarget target) throws SQLException {
        return shape(connection(target), target.databaseName()).isPresent();
    }

    /** Read through the maintenance connection: the stamp is the database comment, in a shared catalog. */
    @Override
    public Optional<Stamp> stamp(DatabaseTarget target) throws SQLException {
        return PostgresStampStore.readOf(connection(target), target.databaseName());
    }

    /** Through the maintenance connection too; a spare's marker comment left by a swap is replaced, not kept. */
    @Override
    public void writeStamp(DatabaseTarget target, Stamp stamp) throws SQLException {
        Connection c = connection(target);
        String comment = PostgresStampStore.comment(c, target.databaseName());
        String userText = comment != null && comment.startsWith(SPARE_MARKER) ? null : PostgresStampStore.userText(comment);
        PostgresStampStore.writeOn(c, target.databaseName(), userText, stamp);
    }

    /**
     * Closes the connection, then starts the background work: started earlier, its checkpoints and copies would
     * compete with the reset's last steps (the stamp) for the server.
     */
    @Override
    public void close() throws SQLException {
        try {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        } finally {
            deferred.forEach(Runnable::run);
            deferred.clear();
        }
    }

    /**
     * Hands {@code task} to the owner when the reset closes. The driver classes the task may need beyond those a reset
     * has already used (say, for a server notice) are loaded now, on the caller's thread, so that work an embedding
     * host awaits late never depends on loading classes then.
     */
    private void later(String describe, java.util.concurrent.Callable<String> task) {
        for (String name : List.of("org.postgresql.util.ServerErrorMessage", "org.postgresql.util.PSQLWarning",
                "org.postgresql.util.PSQLException", "org.postgresql.util.PSQLState", "org.postgresql.jdbc.PgDatabaseMetaData")) {
            try {
                Class.forName(name, true, PostgresReset.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // the work then reports what it cannot do
            }
        }
        deferred.add(() -> work.start(describe, task));
    }

    /** The maintenance connection this reset shares between its steps (background work opens its own). */
    private Connection connection(DatabaseTarget any) throws SQLException {
        if (connection == null) {
            connection = maintenance(any);
        }
        return connection;
    }

    static String spareName(String database) {
        return BaselineNames.of(database, "__tgspare", MAX_NAME);
    }

    /** A spare counts only when it was cloned from this very baseline (its comment names the template's oid) for this owner. */
    private static boolean isSpareOf(Connection c, String spare, String base, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT shobj_description(s.oid, 'pg_database') = ? || b.oid"
                + " AND (? IS NULL OR pg_get_userbyid(s.datdba) = ?)"
                + " FROM pg_database s, pg_database b WHERE s.datname = ? AND b.datname = ?")) {
            ps.setString(1, SPARE_MARKER);
            ps.setString(2, owner);
            ps.setString(3, owner);
            ps.setString(4, spare);
            ps.setString(5, base);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void prepareSpare(Connection c, String spare, String base, String owner) throws SQLException {
        dropDatabase(c, spare);
        createFromTemplate(c, spare, base, owner);
        long baseOid;
        try (PreparedStatement ps = c.prepareStatement("SELECT oid FROM pg_database WHERE datname = ?")) {
            ps.setString(1, base);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    dropDatabase(c, spare);
                    return;
                }
                baseOid = rs.getLong(1);
            }
        }
        // the comment is written last: a spare without it (a clone cut short) is never used
        execute(c, "COMMENT ON DATABASE " + q(spare) + " IS '" + SPARE_MARKER + baseOid + "'");
    }

    private static void rename(Connection c, String from, String to) throws SQLException {
        String sql = "ALTER DATABASE " + q(from) + " RENAME TO " + q(to);
        try {
            execute(c, sql);
        } catch (SQLException e) {
            if (!"55006".equals(e.getSQLState())) {
                throw e;
            }
            // a session slipped in between: end it, try once more
            terminateSessions(c, from);
            execute(c, sql);
        }
    }

    @Override
    public void dropBaseline(DatabaseTarget database) throws SQLException {
        work.awaitAll();
        Connection c = connection(database);
        dropDatabase(c, spareName(database.databaseName()));
        dropDatabase(c, baselineName(database.databaseName()));
    }

    static String baselineName(String database) {
        return BaselineNames.of(database, MAX_NAME);
    }

    /** FILE_COPY clones a small template in milliseconds; WAL_LOG (15's default) writes every page to the WAL. */
    private static void createFromTemplate(Connection c, String name, String template, String owner) throws SQLException {
        String strategy = c.getMetaData().getDatabaseMajorVersion() >= 15 ? " STRATEGY = FILE_COPY" : "";
        String sql = "CREATE DATABASE " + q(name) + " TEMPLATE " + q(template) + (owner == null ? "" : " OWNER " + q(owner))
                + strategy;
        try {
            execute(c, sql);
        } catch (SQLException e) {
            if (!"55006".equals(e.getSQLState())) {
                throw e;
            }
            // a session on the template (a test JVM, an IDE) blocks the copy: end it, try once more
            terminateSessions(c, template);
            execute(c, sql);
        }
    }

    private static Optional<Shape> shape(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_userbyid(datdba), pg_encoding_to_char(encoding),"
                + " datcollate, datctype FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Shape(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        }
    }

    /** Dropping needs ownership (or superuser); recreating needs CREATEDB and the right to give it to its owner. */
    private static boolean mayRecreate(Connection c, Shape shape) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.rolsuper OR (r.rolcreatedb AND pg_has_role(current_user, ?, 'MEMBER'))"
                + " FROM pg_roles r WHERE r.rolname = current_user")) {
            ps.setString(1, shape.owner());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Checks first: {@code DROP DATABASE IF EXISTS} of a missing one sends a notice (see {@link #later}). */
    private static void dropDatabase(Connection c, String name) throws SQLException {
        if (shape(c, name).isEmpty()) {
            return;
        }
        terminateSessions(c, name);
        boolean force = c.getMetaData().getDatabaseMajorVersion() >= 13;
        execute(c, "DROP DATABASE IF EXISTS " + q(name) + (force ? " WITH (FORCE)" : ""));
    }

    private static void terminateSessions(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, name);
            ps.executeQuery().close();
        }
    }

    /**
     * For users without CREATEDB: drop what lives in the database's own schemas. Schemas the user owns go whole
     * ({@code public} is recreated); in others, each table, view, sequence, routine and type the user may drop.
     */
    private static void dropAllObjects(DatabaseTarget target) throws SQLException {
        try (Connection c = Connections.open(target, TIMEOUT)) {
            c.setAutoCommit(false);
            List<String> statements = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT n.nspname, pg_has_role(current_user, n.nspowner, 'USAGE') FROM pg_namespace n"
                            + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
                            + " ORDER BY 1")) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    if (rs.getBoolean(2) && !schema.equals("public")) {
                        statements.add("DROP SCHEMA " + q(schema) + " CASCADE");
                    } else {
                        statements.addAll(objectDrops(c, schema));
                    }
                }
            }
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            c.commit();
        }
    }

    private static List<String> objectDrops(Connection c, String schema) throws SQLException {
        List<String> drops = new ArrayList<>();
        String sql = "SELECT 'DROP ' || CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'"
                + " WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END || ' IF EXISTS '"
                + " || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' CASCADE'"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relispartition = false"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')"
                // an IDENTITY column's sequence cannot be dropped on its own: it goes with its table
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid"
                + " AND d.deptype = 'i')"
                + " UNION ALL SELECT 'DROP ROUTINE IF EXISTS ' || p.oid::regprocedure || ' CASCADE' FROM pg_proc p"
                + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ?"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')"
                + " UNION ALL SELECT 'DROP TYPE IF EXISTS ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' CASCADE'"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? AND t.typtype IN ('e', 'd', 'c', 'r')"
                + " AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')"
                + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            ps.setString(3, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add(rs.getString(1));
                }
            }
        }
        return drops;
    }

    private static Connection maintenance(DatabaseTarget any) throws SQLException {
        return Connections.open(new PostgresAdmin(any).sibling("postgres"), TIMEOUT);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String q(String identifier) {
        return PostgresAdmin.quote(identifier);
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
