package dev.testguard.probe;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.guard.DestructiveGuard;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Secrets;
import dev.testguard.jdbc.Storage;
import java.net.InetAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Writes an identity stamp into a database: the logic of the {@code stamp} goal.
 * Stamping {@code protected} is always allowed. Stamping {@code test} a database that looks like it holds real
 * data (more than {@code maxRows} estimated rows), or one stamped {@code protected}, needs {@code confirm} equal
 * to the database's name. Never creates a database: an embedded file that is not there is refused.
 */
public final class Stamper {

    private final Clock clock;
    private final String stampedBy;
    private final Path baseDir;

    /** Stamps as the current OS user on this host, relative embedded paths against the working directory. */
    public Stamper() {
        this(Clock.systemUTC(), currentUser(), Paths.get(System.getProperty("user.dir")));
    }

    public Stamper(Clock clock, String stampedBy, Path baseDir) {
        this.clock = clock;
        this.stampedBy = stampedBy;
        this.baseDir = baseDir;
    }

    /**
     * @param project groupId:artifactId of the project stamping, or null
     * @param confirm the database's name, to confirm stamping as test a database that looks real; may be null
     * @return the stamp written
     */
    public Stamp stamp(DatabaseTarget target, Stamp.Role role, String project, String confirm, long maxRows, Duration timeout)
            throws StampException {
        JdbcUrl url = target.url();
        StampStore store = StampStores.forVendor(url.vendor()).orElseThrow(() -> new StampException("testguard cannot stamp "
                + url.vendor().displayName() + " databases (" + url.masked() + "): it can stamp PostgreSQL, MySQL, MariaDB,"
                + " H2 and SQLite databases."));
        if (url.storage() == Storage.MEMORY || url.storage() == Storage.CONTAINER || url.storage() == Storage.UNKNOWN) {
            throw new StampException("testguard cannot stamp " + url.masked() + ": "
                    + (url.storage() == Storage.UNKNOWN ? "it cannot tell where that database lives."
                    : "it lives only as long as the JVM or container that holds it, and is treated as ephemeral anyway."));
        }
        Optional<SafeUrls.EmbeddedFile> file = SafeUrls.embeddedFile(url, baseDir);
        if (file.isPresent() && !file.get().exists()) {
            throw new StampException("testguard cannot stamp " + url.masked() + ": the database file " + file.get().dataFile()
                    + " does not exist. testguard never creates databases: create it first (run the application or its"
                    + " migrations once), then stamp it.");
        }
        Credentials login = target.effectiveCredentials();
        String name = databaseName(url, file);
        if (name == null) {
            throw new StampException("testguard cannot stamp " + url.masked() + ": the URL names no database."
                    + " A stamp lives inside one database: add its name to the URL, e.g. jdbc:postgresql://localhost:5432/app_test.");
        }
        Stamp stamp = new Stamp(role, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), stampedBy, project);
        try (DeadlineConnector connector = new DeadlineConnector();
             Connection connection = connector.open(SafeUrls.forWriting(url, file), login, timeout)) {
            connector.boundNetwork(connection, timeout.compareTo(Duration.ofSeconds(30)) > 0 ? timeout : Duration.ofSeconds(30));
            if (role == Stamp.Role.TEST) {
                checkMayStampTest(url, name, DatabaseFacts.read(url.vendor(), connection), maxRows, confirm);
            }
            store.write(connection, stamp);
            return stamp;
        } catch (DeadlineConnector.NoAnswerException e) {
            throw new StampException("testguard could not stamp " + url.masked() + ": " + e.getMessage()
                    + ". Check that the server runs and the URL is right, or raise -Dtestguard.connectTimeout.");
        } catch (SQLException e) {
            throw new StampException("testguard could not stamp " + url.masked() + ": "
                    + Secrets.maskText(e.getMessage(), login) + hint(e));
        }
    }

    /**
     * Stamping {@code test} makes a database fair game for every destructive goal, so it is decided like one, by the
     * {@link DestructiveGuard} on the facts read over the stamping connection. No override ever counts here.
     */
    private static void checkMayStampTest(JdbcUrl url, String name, DatabaseFacts facts, long maxRows, String confirm)
            throws StampException {
        Optional<String> why = new DestructiveGuard("stamp", maxRows, confirm).refusalReason(name, facts, List.of());
        if (why.isPresent()) {
            Stamp old = facts.stamp().orElse(null);
            String when = old != null && old.role() == Stamp.Role.PROTECTED && old.stampedAt() != null ? " at " + old.stampedAt() : "";
            throw new StampException("testguard refuses to stamp " + url.masked() + " as test: " + why.get() + when
                    + ". If it really is a test database, run again with -Dtestguard.confirm=" + name + ".");
        }
    }

    private static String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("42501") || e.getErrorCode() == 1142 || e.getErrorCode() == 1044 || e.getErrorCode() == 1045
                || state.startsWith("28")) {
            return ". Stamping changes the database: connect as its owner (PostgreSQL: COMMENT ON DATABASE needs the owner;"
                    + " MySQL/MariaDB: CREATE, DELETE and INSERT on it) with -Dtestguard.username and -Dtestguard.password,"
                    + " or -Dtestguard.serverId.";
        }
        if (state.startsWith("08")) {
            return ". Check that the server runs and the host and port in the URL are right.";
        }
        return "";
    }

    /** The name {@code -Dtestguard.confirm} must repeat: the URL's database, or the embedded file's name. */
    static String databaseName(JdbcUrl url, Optional<SafeUrls.EmbeddedFile> file) {
        if (url.databaseName() != null) {
            return url.databaseName();
        }
        return file.map(f -> f.location().getFileName().toString()).orElse(null);
    }

    /** {@code user@host} of the person stamping. */
    public static String currentUser() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse(Optional.ofNullable(System.getenv("COMPUTERNAME")).orElse("unknown-host"));
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }
}
