package dev.testguard.provision;

import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.PostgresAdmin;
import dev.testguard.jdbc.Vendor;
import dev.testguard.probe.PostgresStampStore;
import dev.testguard.reset.Baselines;
import dev.testguard.reset.TestStamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pool of ready copies of a baseline (PostgreSQL only: a database is renamed there in constant time):
 * {@code <database>__tgspare_<k>}, k = 1..size, each a copy of the baseline template whose comment starts with the pool
 * marker (the template's oid and a hash of the baseline info, so a new baseline makes every spare stale) followed by a
 * {@code test} stamp. Provision claims a spare by renaming it, in one transaction that checks the marker against the
 * current baseline and writes the provision token and a fresh stamp; the pool is then refilled (in the background:
 * the caller decides where it runs). Refilling and dropping hold the baseline's lock, which a reset holds while it saves
 * a baseline. A database named like a spare without the marker is never claimed, replaced or dropped.
 */
public final class SparePool {

    /** Spares {@link #drop} looks for: {@code __tgspare_1} to {@code __tgspare_64}. */
    public static final int MAX_SIZE = 64;
    private static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final PostgresAdmin admin;
    private final DatabaseTarget baselineOf;
    private final String template;
    private final int size;
    private final TestStamps stamps;

    /**
     * @param baselineOf the database whose baseline the spares copy, on {@code server}
     * @param size       how many spares to keep ready (1 to {@link #MAX_SIZE})
     */
    public SparePool(DatabaseTarget server, DatabaseTarget baselineOf, int size, TestStamps stamps) {
        if (!supports(server)) {
            throw new IllegalArgumentException("a pool of ready copies needs PostgreSQL, not " + server.url().vendor().displayName());
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("spares must be 0 to " + MAX_SIZE + ", not " + size);
        }
        this.admin = new PostgresAdmin(server);
        this.baselineOf = baselineOf;
        this.template = Baselines.postgresTemplate(baselineOf.databaseName());
        this.size = size;
        this.stamps = stamps;
    }

    /** Whether a pool can be kept on {@code server}. */
    public static boolean supports(DatabaseTarget server) {
        return server.url().vendor() == Vendor.POSTGRESQL;
    }

    public List<String> spareNames() {
        return names(baselineOf, size);
    }

    private static List<String> names(DatabaseTarget baselineOf, int count) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            out.add(Baselines.postgresPoolSpare(baselineOf.databaseName(), k));
        }
        return out;
    }

    /**
     * Renames spares of the current baseline to the names of {@code comments} (none of which may exist), each with its
     * comment (the provision token and stamp), all in one transaction; returns the names that got one. Safe from
     * several threads and builds: a spare goes to one of them.
     */
    public java.util.Set<String> claim(Map<String, String> comments) throws SQLException {
        return claim(connect(), comments);
    }

    /** The connection a claim runs on: opened apart, so that a caller may open it while it prepares the claim. */
    public Connection connect() throws SQLException {
        return admin.openMaintenance();
    }

    /** {@link #claim(Map)} on {@code maintenance} (from {@link #connect()}), which it closes. */
    public java.util.Set<String> claim(Connection maintenance, Map<String, String> comments) throws SQLException {
        List<String> candidates = new ArrayList<>();
        try (Connection m = maintenance) {
            PostgresAdmin.comments(m, spareNames()).forEach((spare, text) -> {
                if (text != null && text.startsWith(PostgresAdmin.SPARE_MARKER)) {
                    candidates.add(spare);
                }
            });
            return candidates.isEmpty() ? java.util.Set.of() : PostgresAdmin.claimSpares(m, candidates, comments, template);
        }
    }

    /** What a refill did, for the build log. */
    public record Refill(List<String> made, List<String> replacedStale, List<String> leftAlone, boolean noBaseline) {

        public String describe(String baseline) {
            if (noBaseline) {
                return "no spare copy prepared: " + baseline + " has no baseline any more";
            }
            return "spare copies of the baseline of " + baseline + " ready for the next provision: " + made.size()
                    + " made" + (replacedStale.isEmpty() ? "" : " (" + replacedStale.size() + " of them replace stale ones)")
                    + (leftAlone.isEmpty() ? "" : "; left alone, not testguard spares (drop or rename them): " + leftAlone);
        }
    }

    /** Brings the pool back to its size with spares of the current baseline, on its own connections. */
    public Refill refill() throws SQLException {
        List<String> made = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> foreign = new ArrayList<>();
        try (Connection m = admin.openMaintenance()) {
            for (String spare : spareNames()) {
                try (DatabaseLock lock = admin.lock(baselineOf.databaseName(), LOCK_WAIT)) {
                    String marker = PostgresAdmin.spareMarker(m, template);
                    if (marker == null) {
                        return new Refill(made, stale, foreign, true);
                    }
                    Map<String, String> found = PostgresAdmin.comments(m, List.of(spare));
                    String first = found.get(spare) == null ? "" : found.get(spare).split("\n", 2)[0];
                    if (found.containsKey(spare) && first.equals(marker)) {
                        continue;
                    }
                    if (found.containsKey(spare) && !first.startsWith(PostgresAdmin.SPARE_MARKER)) {
                        foreign.add(spare);
                        continue;
                    }
                    if (found.containsKey(spare)) {
                        PostgresAdmin.drop(m, spare);
                        stale.add(spare);
                    }
                    PostgresAdmin.createCopy(m, spare, template);
                    // the marker goes last: a copy cut short (a killed build) is never handed out
                    PostgresAdmin.comment(m, spare, PostgresStampStore.commentWith(marker, stamps.testStamp()));
                    made.add(spare);
                }
            }
        }
        return new Refill(made, stale, foreign, false);
    }

    /**
     * Drops every spare of the baseline of {@code baselineOf} on {@code server} that carries the pool marker (current or
     * stale); returns their names. Databases named like spares without the marker are left alone.
     */
    public static List<String> drop(DatabaseTarget server, DatabaseTarget baselineOf) throws SQLException {
        PostgresAdmin admin = new PostgresAdmin(server);
        List<String> dropped = new ArrayList<>();
        try (Connection m = admin.openMaintenance(); DatabaseLock lock = admin.lock(baselineOf.databaseName(), LOCK_WAIT)) {
            for (Map.Entry<String, String> e : PostgresAdmin.comments(m, names(baselineOf, MAX_SIZE)).entrySet()) {
                if (e.getValue() != null && e.getValue().startsWith(PostgresAdmin.SPARE_MARKER)) {
                    PostgresAdmin.drop(m, e.getKey());
                    dropped.add(e.getKey());
                }
            }
        }
        return dropped;
    }
}
