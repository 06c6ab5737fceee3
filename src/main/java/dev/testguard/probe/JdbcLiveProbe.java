package dev.testguard.probe;

import dev.testguard.db.SilentHosts;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import dev.testguard.policy.DefaultPorts;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The live probe: connects briefly and read-only to learn a database's stamp, estimated size and server identity.
 * It never writes: the connection is read-only, embedded files are opened read-only and never created, and URL
 * options that create or initialise on connect are removed. It never throws: every failure becomes a
 * {@link LiveFacts.Status} with a message in plain words.
 * <p>
 * Results are cached for the life of the instance (one build), and a host that did not answer is not asked again,
 * so an unreachable server costs the timeout at most once. Thread-safe.
 */
public final class JdbcLiveProbe implements LiveProbe, AutoCloseable {

    /** The message of an embedded database whose file is not there: nothing to check, and nothing was created. */
    public static final String DOES_NOT_EXIST_YET = "does not exist yet";

    /** Catalog queries get at least this long, even with a very short connect timeout. */
    private static final Duration MIN_QUERY_TIME = Duration.ofSeconds(5);

    private final Duration timeout;
    private final Path baseDir;
    private final DeadlineConnector connector = new DeadlineConnector();
    private final Map<String, LiveFacts> byDatabase = new ConcurrentHashMap<>();
    private final Map<String, LiveFacts> unreachableHosts = new ConcurrentHashMap<>();

    /** Relative embedded paths are taken against the working directory. */
    public JdbcLiveProbe(Duration timeout) {
        this(timeout, Paths.get(System.getProperty("user.dir")));
    }

    /** Relative embedded paths ({@code jdbc:h2:./target/db}) are taken against {@code baseDir}, e.g. the project's basedir. */
    public JdbcLiveProbe(Duration timeout, Path baseDir) {
        this.timeout = timeout;
        this.baseDir = baseDir;
    }

    @Override
    public LiveFacts inspect(JdbcUrl url, Credentials credentials) {
        if (url == null || url.storage() == Storage.MEMORY || url.storage() == Storage.CONTAINER) {
            return LiveFacts.notChecked();
        }
        if (StampStores.forVendor(url.vendor()).isEmpty() || url.storage() == Storage.UNKNOWN) {
            return notChecked("testguard has no live checks for " + url.vendor().displayName() + " URLs like this one", 0);
        }
        Credentials login = (credentials == null ? Credentials.NONE : credentials)
                .orElse(new Credentials(url.user(), url.password()));
        String databaseKey = url.raw() + '\u0000' + login.username() + '\u0000' + login.password();
        LiveFacts known = byDatabase.get(databaseKey);
        if (known != null) {
            return known;
        }
        long start = System.nanoTime();
        Optional<SafeUrls.EmbeddedFile> file = SafeUrls.embeddedFile(url, baseDir);
        if (url.storage() == Storage.FILE && file.isEmpty()) {
            return notChecked("cannot tell which file " + url.masked() + " names", 0);
        }
        if (file.isPresent() && !file.get().exists()) {
            return notChecked(DOES_NOT_EXIST_YET, millisSince(start));
        }
        String hostKey = file.isPresent() || url.hosts().isEmpty() ? null : hostKey(url);
        Optional<String> silent = hostKey == null ? Optional.empty() : SilentHosts.known(url);
        if (silent.isPresent()) {
            return new LiveFacts(LiveFacts.Status.UNREACHABLE, null, null, null, silent.get() + " (not retried in this build)", 0);
        }
        if (hostKey != null && unreachableHosts.containsKey(hostKey)) {
            LiveFacts earlier = unreachableHosts.get(hostKey);
            return new LiveFacts(earlier.status(), null, null, null, earlier.message() + " (not retried in this build)", 0);
        }
        LiveFacts facts = probe(url, login, file, start);
        if (facts.status() == LiveFacts.Status.UNREACHABLE && hostKey != null) {
            unreachableHosts.putIfAbsent(hostKey, facts);
        }
        byDatabase.put(databaseKey, facts);
        return facts;
    }

    private LiveFacts probe(JdbcUrl url, Credentials login, Optional<SafeUrls.EmbeddedFile> file, long start) {
        String where = file.map(f -> f.location().toString()).orElseGet(() -> where(url));
        Connection connection;
        try {
            connection = connector.open(SafeUrls.forReading(url, file), login, timeout);
        } catch (DeadlineConnector.NoAnswerException e) {
            return failed(LiveFacts.Status.UNREACHABLE, "no answer from " + where + " within " + timeout.toMillis() + " ms", start);
        } catch (SQLException e) {
            LiveFacts.Status status = ProbeFailures.status(e);
            String message = status == LiveFacts.Status.UNREACHABLE ? unknownHost(url).orElse(null) : null;
            return failed(status, message != null ? message : ProbeFailures.message(e, where, login.username(), login.password()), start);
        }
        LiveReading reading = new LiveReading();
        try (Connection c = connection) {
            if (url.vendor() != Vendor.SQLITE) { // sqlite-jdbc only takes read-only at open time (open_mode=1 did that)
                c.setReadOnly(true);
            }
            connector.boundNetwork(c, timeout.compareTo(MIN_QUERY_TIME) > 0 ? timeout : MIN_QUERY_TIME);
            return reading.read(url, c, file).facts(LiveFacts.Status.REACHABLE, null, millisSince(start));
        } catch (SQLException | RuntimeException e) {
            String detail = e instanceof SQLException
                    ? ProbeFailures.message((SQLException) e, where, login.username(), login.password())
                    : "connected to " + where + " but could not read it: " + e;
            return reading.facts(LiveFacts.Status.ERROR, detail, millisSince(start));
        }
    }

    /** The plain reason when a host name does not resolve (drivers only say "the connection attempt failed"). */
    private static Optional<String> unknownHost(JdbcUrl url) {
        for (HostPort host : url.hosts()) {
            try {
                InetAddress.getByName(host.host());
            } catch (UnknownHostException e) {
                return Optional.of("unknown host '" + host.host() + "': the name does not resolve (check the URL, VPN or /etc/hosts)");
            }
        }
        return Optional.empty();
    }

    private static String where(JdbcUrl url) {
        if (url.hosts().isEmpty()) {
            return url.unixSocket() ? "the local unix socket" : url.masked();
        }
        return url.hosts().stream().map(h -> DefaultPorts.filledIn(h, url.vendor()).toString()).collect(Collectors.joining(","));
    }

    private static String hostKey(JdbcUrl url) {
        String family = url.vendor().isMysqlFamily() ? "mysql" : url.vendor().displayName();
        return family + "://" + where(url).toLowerCase(java.util.Locale.ROOT);
    }

    private static LiveFacts failed(LiveFacts.Status status, String message, long start) {
        return new LiveFacts(status, null, null, null, message, millisSince(start));
    }

    private static LiveFacts notChecked(String message, long millis) {
        return new LiveFacts(LiveFacts.Status.NOT_CHECKED, null, null, null, message, millis);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Lets idle connect threads go; optional, they are daemon threads. */
    @Override
    public void close() {
        connector.close();
    }
}
