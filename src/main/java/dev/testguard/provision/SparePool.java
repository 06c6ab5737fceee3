package dev.testguard.provision;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MariadbPoolAdmin;
import dev.testguard.jdbc.Vendor;
import dev.testguard.probe.Stamp;
import dev.testguard.reset.Baselines;
import dev.testguard.reset.SpareFill;
import dev.testguard.reset.TestStamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pool of ready copies of a baseline, {@code <database>__tgspare_<k>}, k = 1..size, on PostgreSQL (a spare database is
 * renamed: {@link PostgresSpares}) and MariaDB (a spare's tables are moved into the new database in one RENAME TABLE:
 * {@link MariadbSpares}). Each spare carries the pool marker, which names the baseline it copies, so a new baseline makes
 * every spare stale. Provision claims spares (a spare goes to one claim, however many run at once), then the pool is
 * refilled (in the background: the caller decides where it runs). Refilling and dropping hold the baseline's lock, which a
 * reset holds while it saves a baseline. A database named like a spare without the marker is never claimed, replaced or
 * dropped.
 */
public final class SparePool {

    /** Spares {@link #drop} looks for: {@code __tgspare_1} to {@code __tgspare_64}. */
    public static final int MAX_SIZE = Baselines.MAX_POOL_SPARES;
    private static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final Spares spares;
    private final DatabaseTarget baselineOf;
    private final int size;
    private final TestStamps stamps;
    /** MariaDB's sets of spares named as provision names its databases ({@link #inSets}), or null. */
    private final MariadbSpareSets sets;
    private final Clock clock;

    /**
     * @param baselineOf the database whose baseline the spares copy, on {@code server}
     * @param size       how many spares to keep ready (1 to {@link #MAX_SIZE})
     */
    public SparePool(DatabaseTarget server, DatabaseTarget baselineOf, int size, TestStamps stamps) {
        this(server, baselineOf, size, stamps, null, Clock.systemUTC());
    }

    private SparePool(DatabaseTarget server, DatabaseTarget baselineOf, int size, TestStamps stamps, MariadbSpareSets sets,
                      Clock clock) {
        if (!supports(server)) {
            throw new IllegalArgumentException("a pool of ready copies needs PostgreSQL or MariaDB, not "
                    + server.url().vendor().displayName());
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("spares must be 0 to " + MAX_SIZE + ", not " + size);
        }
        this.spares = spares(server, baselineOf);
        this.baselineOf = baselineOf;
        this.size = size;
        this.stamps = stamps;
        this.sets = sets;
        this.clock = clock;
    }

    /**
     * On MariaDB, this pool kept as sets of {@code members} spares already named as provision names its databases
     * ({@code <prefix><utc time>_<random>_test_<k>}): a whole set is claimed by changing markers, no table moves. It keeps
     * {@code size} spares, rounded up to whole sets. The spares of {@link #claim} stay the fallback. On PostgreSQL, this
     * pool unchanged (a rename is constant time already).
     */
    public SparePool inSets(DatabaseTarget server, String prefix, int members, Clock clock) {
        if (server.url().vendor() != Vendor.MARIADB || sets != null) {
            return this;
        }
        return new SparePool(server, baselineOf, size, stamps, new MariadbSpareSets((MariadbSpares) spares, server,
                baselineOf.databaseName(), prefix, members, LOCK_WAIT), clock);
    }

    /** Whether this pool keeps sets ({@link #inSets}). */
    public boolean keepsSets() {
        return sets != null;
    }

    /** The sets ready now, over {@code c} (from {@link #connect()}): each its spares' names in fork order. */
    public List<List<String>> readySets(Connection c) throws SQLException {
        return sets == null ? List.of() : sets.ready(c);
    }

    /**
     * Claims {@code set} (from {@link #readySets}) whole over {@code c}, each spare with its token of {@code tokens}
     * (fork order) and a fresh {@code test} stamp, in one transaction that runs {@code beforeCommit} last (its failure
     * rolls the claim back); false, with nothing changed, when another claim took it first or the baseline changed.
     */
    public boolean claimSet(Connection c, List<String> set, List<String> tokens, MariadbPoolAdmin.BeforeCommit beforeCommit)
            throws SQLException {
        return sets.claim(c, set, tokens, stamps.testStamp(), beforeCommit);
    }

    /** Whether a pool can be kept on {@code server}. */
    public static boolean supports(DatabaseTarget server) {
        Vendor vendor = server.url().vendor();
        return vendor == Vendor.POSTGRESQL || vendor == Vendor.MARIADB;
    }

    private static Spares spares(DatabaseTarget server, DatabaseTarget baselineOf) {
        return server.url().vendor() == Vendor.POSTGRESQL ? new PostgresSpares(server, baselineOf.databaseName(), LOCK_WAIT)
                : new MariadbSpares(server, baselineOf.databaseName(), LOCK_WAIT);
    }

    public List<String> spareNames() {
        return names(baselineOf, size);
    }

    private static List<String> names(DatabaseTarget baselineOf, int count) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            out.add(baselineOf.url().vendor() == Vendor.POSTGRESQL ? Baselines.postgresPoolSpare(baselineOf.databaseName(), k)
                    : Baselines.mariadbPoolSpare(baselineOf.databaseName(), k));
        }
        return out;
    }

    /**
     * Hands spares of the current baseline to the names of {@code tokens} (none of which may exist), each with its
     * provision token and a fresh {@code test} stamp; returns the names that got one. Safe from several threads and
     * builds: a spare goes to one of them.
     */
    public Set<String> claim(Map<String, String> tokens) throws SQLException {
        return claim(connect(), tokens);
    }

    /** The connection a claim runs on: opened apart, so that a caller may open it while it prepares the claim. */
    public Connection connect() throws SQLException {
        return spares.connect();
    }

    /** {@link #claim(Map)} on {@code connection} (from {@link #connect()}), which it closes. */
    public Set<String> claim(Connection connection, Map<String, String> tokens) throws SQLException {
        Stamp stamp = stamps.testStamp();
        return spares.claim(connection, spareNames(), tokens, stamp);
    }

    /**
     * What a refill did, for the build log.
     *
     * @param unmovable objects of the baseline that no spare can carry (MariaDB: routines, events, sequences): none made
     */
    public record Refill(List<String> made, List<String> replacedStale, List<String> leftAlone, boolean noBaseline,
                         List<String> unmovable) {

        public String describe(String baseline) {
            if (noBaseline) {
                return "no spare copy prepared: " + baseline + " has no baseline any more";
            }
            if (!unmovable.isEmpty()) {
                return "no spare copy prepared: the baseline of " + baseline + " holds objects a table move cannot carry "
                        + unmovable + "; provision copies the baseline instead (-Dtestguard.spares=0 stops trying)";
            }
            return "spare copies of the baseline of " + baseline + " ready for the next provision: " + made.size()
                    + " made" + (replacedStale.isEmpty() ? "" : " (" + replacedStale.size() + " of them replace stale ones)")
                    + (leftAlone.isEmpty() ? "" : "; left alone, not testguard spares (drop or rename them): " + leftAlone);
        }
    }

    /** What a refill has done so far, spare by spare, for {@link Refill}. */
    static final class Tally {
        private final List<String> made = new ArrayList<>();
        private final List<String> replacedStale = new ArrayList<>();
        private final List<String> leftAlone = new ArrayList<>();

        /** Records what filling {@code spare} did; false when the baseline is gone (the refill stops there). */
        boolean add(String spare, SpareFill fill) {
            switch (fill) {
                case NO_BASELINE -> {
                    return false;
                }
                case FOREIGN -> leftAlone.add(spare);
                case REPLACED_STALE -> {
                    replacedStale.add(spare);
                    made.add(spare);
                }
                case MADE -> made.add(spare);
                case CURRENT -> { }
            }
            return true;
        }

        /** A spare of a set, made. */
        void made(String spare) {
            made.add(spare);
        }

        /** A stale or half-filled spare of a set, dropped (its set is made again as needed). */
        void droppedStale(String spare) {
            replacedStale.add(spare);
        }

        Refill done() {
            return new Refill(made, replacedStale, leftAlone, false, List.of());
        }

        Refill noBaseline() {
            return new Refill(made, replacedStale, leftAlone, true, List.of());
        }

        Refill unmovable(List<String> unmovable) {
            return new Refill(made, replacedStale, leftAlone, false, unmovable);
        }
    }

    /** Brings the pool back to its size with spares of the current baseline, on its own connections. */
    public Refill refill() throws SQLException {
        return sets != null ? sets.refill((size + sets.members() - 1) / sets.members(), stamps, clock)
                : spares.refill(spareNames(), stamps);
    }

    /**
     * Drops every spare of the baseline of {@code baselineOf} on {@code server} that carries the pool marker (current or
     * stale); returns their names. Databases named like spares without the marker are left alone.
     */
    public static List<String> drop(DatabaseTarget server, DatabaseTarget baselineOf) throws SQLException {
        return spares(server, baselineOf).drop(names(baselineOf, MAX_SIZE));
    }

    /**
     * {@link #drop(DatabaseTarget, DatabaseTarget)}, and on MariaDB also the spares of sets ({@link #inSets}) of that
     * baseline named {@code <prefix>...} that no build has claimed (any size, current or stale).
     */
    public static List<String> drop(DatabaseTarget server, DatabaseTarget baselineOf, String prefix) throws SQLException {
        List<String> dropped = new ArrayList<>(drop(server, baselineOf));
        if (server.url().vendor() == Vendor.MARIADB) {
            MariadbSpares spares = (MariadbSpares) spares(server, baselineOf);
            dropped.addAll(new MariadbSpareSets(spares, server, baselineOf.databaseName(), prefix, 1, LOCK_WAIT).drop());
        }
        return dropped;
    }
}
