package dev.testguard.provision;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.guard.DestructiveGuard;
import dev.testguard.guard.DestructiveRefusal;
import dev.testguard.jdbc.Secrets;
import dev.testguard.jdbc.Storage;
import dev.testguard.policy.Classification;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.Verdict;
import dev.testguard.reset.Baselines;
import dev.testguard.reset.BaselineInfo;
import dev.testguard.reset.ResetException;
import dev.testguard.reset.TestStamps;
import dev.testguard.work.BackgroundWork;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Creates throwaway test databases on a local server, one per Surefire fork: {@code <prefix><utc time>_<random>_test}
 * (suffixed {@code _1}, {@code _2}... with several forks), each a copy of a fresh baseline when one is given, else
 * empty, each holding a random token (kept in the registry: release drops only databases holding theirs) and each
 * stamped {@code test}. With spares ({@link #withSpares}, PostgreSQL and MariaDB), ready copies of the baseline
 * are handed over (renamed, or their tables moved) instead of copied ({@link SparePool}). A name that exists already is never overwritten. Before creating, the would-be URL is classified with every rule: a
 * provision server that is not local (or not allowed) is refused. Every database is recorded in the registry
 * as soon as it exists, so {@code release} finds it even when a later step fails.
 */
public final class Provisioner {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final DatabaseTarget server;
    private final String prefix;
    private final Clock clock;
    private final ProvisionRegistry registry;
    private final TestStamps stamps;
    private final Path baseDir;
    private final DestructiveGuard guard;
    private int spares;
    private boolean spareSets;
    private BackgroundWork work = BackgroundWork.inline();
    /** The random part of the names; tests replace it to make a name collide. */
    java.util.function.IntSupplier nameRandom = () -> ThreadLocalRandom.current().nextInt();

    public Provisioner(DatabaseTarget server, String prefix, Clock clock, ProvisionRegistry registry, String project, Path baseDir) {
        this(server, prefix, clock, registry, project, baseDir, DestructiveGuard.withDefaults("provision"));
    }

    public Provisioner(DatabaseTarget server, String prefix, Clock clock, ProvisionRegistry registry, String project, Path baseDir,
                       DestructiveGuard guard) {
        this.guard = guard;
        this.server = server;
        this.prefix = prefix;
        this.clock = clock;
        this.registry = registry;
        this.stamps = new TestStamps(clock, project);
        this.baseDir = baseDir;
    }

    /**
     * Keeps {@code count} ready copies of the baseline ({@link SparePool}, PostgreSQL and MariaDB): provision then hands
     * over a spare instead of copying the baseline, and {@link Result#refill()} makes new ones. 0 (the default): none.
     */
    public Provisioner withSpares(int count) {
        if (count < 0 || count > SparePool.MAX_SIZE) {
            throw new IllegalArgumentException("spares must be 0 to " + SparePool.MAX_SIZE + ", not " + count);
        }
        this.spares = count;
        return this;
    }

    /**
     * On MariaDB, keeps the spares as sets already named as this provision names its databases ({@link SparePool#inSets}):
     * a claim of a whole set moves no table. A set of another size, or none ready, falls back to single spares and copies.
     */
    public Provisioner withSpareSets(boolean sets) {
        this.spareSets = sets;
        return this;
    }

    /**
     * Awaits, before claiming spares, the work earlier goals of the build handed to {@code owner} (a reset refilling the
     * slot of the spare it took): else the claim would find the pool one short and copy the baseline instead.
     */
    public Provisioner withBackgroundWork(BackgroundWork owner) {
        this.work = owner;
        return this;
    }

    /**
     * What was provisioned.
     *
     * @param databases    one per fork
     * @param url          the URL to hand to the tests: with several forks it ends in {@code ${surefire.forkNumber}}
     * @param fromBaseline the baseline the databases were cloned from, or null when they are empty
     * @param millis       how long creating them took
     * @param fromSpares   how many of them were ready spares of the baseline
     * @param refill       the pool to refill now (in the background: see {@link SparePool#refill()}), or null
     */
    public record Result(List<ProvisionedDatabase> databases, String url, BaselineInfo fromBaseline, long millis,
                         int fromSpares, SparePool refill) {
    }

    /**
     * @param forks         how many databases (one per Surefire fork)
     * @param baselineOf    a database on the same server whose baseline to clone, or null
     * @param baselineKey   the current baseline key: a baseline with another key is stale and not used
     */
    public Result provision(int forks, DatabaseTarget baselineOf, String baselineKey, Classifier classifier)
            throws ProvisionException {
        if (server.url().storage() != Storage.SERVER) {
            throw new ProvisionException("testguard provisions databases on a server (PostgreSQL, MySQL, MariaDB); "
                    + server + " is not one. For embedded tests use an in-memory URL such as jdbc:h2:mem:test instead.");
        }
        String base = prefix + TIME.format(Instant.now(clock)) + "_"
                + HexFormat.of().toHexDigits(nameRandom.getAsInt()).substring(2) + "_test";
        List<String> names = new ArrayList<>();
        for (int fork = 1; fork <= forks; fork++) {
            names.add(forks == 1 ? base : base + "_" + fork);
        }
        DatabaseAdmin admin = admin();
        for (String name : names) {
            refuseUnlessTest(admin.sibling(name), classifier);
        }
        work.awaitAll();
        BaselineInfo baseline = freshBaseline(baselineOf, baselineKey);
        long start = System.nanoTime();
        List<ProvisionedDatabase> created = new ArrayList<>();
        SparePool pool = baseline != null && spares > 0 && SparePool.supports(server)
                ? new SparePool(server, baselineOf, spares, stamps) : null;
        if (pool != null && spareSets) {
            pool = pool.inSets(server, prefix, forks, clock);
        }
        Map<String, ProvisionedDatabase> fromSpares = pool != null && pool.keepsSets() ? new SetClaim(registry, server, this::records).claim(pool) : Map.of();
        if (!fromSpares.isEmpty()) {
            names = new ArrayList<>(fromSpares.keySet());
            base = forks == 1 ? names.get(0) : names.get(0).substring(0, names.get(0).length() - "_1".length());
        } else if (pool != null) {
            fromSpares = claimSpares(pool, names);
        }
        for (int i = 0; i < names.size(); i++) {
            ProvisionedDatabase spare = fromSpares.get(names.get(i));
            created.add(spare != null ? spare : createOne(admin, names.get(i), i + 1, baseline == null ? null : baselineOf));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // built around a plain marker: PostgreSQL URLs percent-encode the database name
        String url = forks == 1 ? admin.sibling(base).url().raw()
                : admin.sibling(base + "_forknumbermarker").url().raw().replace("_forknumbermarker", "_${surefire.forkNumber}");
        return new Result(created, url, baseline, millis, fromSpares.size(), pool);
    }

    /**
     * Hands out ready spares for {@code names} (by name; fewer when fewer are ready). They are recorded first, with the
     * tokens their claim writes (release drops only a database holding its entry's token), in one registry write; the
     * names that got no spare are taken off again and created the usual way. The claim's connection is opened meanwhile,
     * on a thread of its own: opening it costs as much as the rest.
     */
    private Map<String, ProvisionedDatabase> claimSpares(SparePool pool, List<String> names) throws ProvisionException {
        FutureTask<Connection> connecting = new FutureTask<>(pool::connect);
        Thread opener = new Thread(connecting, "testguard-claim-connection");
        opener.setDaemon(true);
        opener.start();
        return claimSpares(pool, names, connecting);
    }

    private Map<String, ProvisionedDatabase> claimSpares(SparePool pool, List<String> names,
                                                         Future<Connection> connecting)
            throws ProvisionException {
        Map<String, ProvisionedDatabase> records = records(names);
        Map<String, String> tokens = new LinkedHashMap<>();
        records.forEach((name, record) -> tokens.put(name, record.token()));
        try {
            registry.add(records.values());
        } catch (ProvisionException | RuntimeException e) {
            try {
                connection(connecting).close(); // the claim never runs: its connection is not left open
            } catch (SQLException ignored) {
                // not opened either
            }
            throw e;
        }
        Set<String> claimed;
        try {
            claimed = pool.claim(connection(connecting), tokens);
        } catch (SQLException e) {
            registry.remove(records.keySet());
            throw new ProvisionException("testguard could not hand out a ready copy of the baseline on " + server + ": "
                    + message(e) + ". Nothing was created; -Dtestguard.spares=0 turns the pool of copies off.", e);
        }
        records.keySet().retainAll(claimed);
        if (claimed.size() < names.size()) {
            registry.remove(names.stream().filter(n -> !claimed.contains(n)).collect(Collectors.toSet()));
        }
        return records;
    }

    /** A record with a fresh token for each of {@code names} (fork order), by name. */
    private Map<String, ProvisionedDatabase> records(List<String> names) {
        Map<String, ProvisionedDatabase> records = new LinkedHashMap<>();
        Instant now = Instant.now(clock);
        for (int i = 0; i < names.size(); i++) {
            records.put(names.get(i), new ProvisionedDatabase(names.get(i), server.toString(), now, i + 1,
                    HexFormat.of().formatHex(randomBytes())));
        }
        return records;
    }

    /** The connection {@code connecting} opened; its failure as the SQLException it was. */
    private static Connection connection(Future<Connection> connecting) throws SQLException {
        try {
            return connecting.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while connecting", e);
        }
    }

    /**
     * Creates one database (never over an existing one), writes its token, records it, stamps it. The token goes in
     * before the registry entry: release drops only databases that hold the token their entry names.
     */
    private ProvisionedDatabase createOne(DatabaseAdmin admin, String name, int fork, DatabaseTarget baselineOf)
            throws ProvisionException {
        DatabaseTarget db = admin.sibling(name);
        try {
            refuseExisting(admin, db);
            if (baselineOf != null) {
                new Baselines(baseDir).cloneInto(baselineOf, db);
            } else {
                admin.create(name);
            }
            String token = HexFormat.of().formatHex(randomBytes());
            admin.writeProvisionToken(name, token);
            ProvisionedDatabase record = new ProvisionedDatabase(name, server.toString(), Instant.now(clock), fork, token);
            registry.add(List.of(record));
            stamps.stampTest(db);
            return record;
        } catch (SQLException | ResetException e) {
            throw new ProvisionException("testguard could not create the test database " + db + ": " + message(e)
                    + ". The provision user needs the right to create databases (PostgreSQL: CREATEDB; MySQL: CREATE)."
                    + " Databases already created are listed in " + registry.file() + " and dropped by testguard:release.", e);
        }
    }

    /** A database of that name that exists already is someone else's: the guard says why, and it is never touched. */
    private void refuseExisting(DatabaseAdmin admin, DatabaseTarget db) throws SQLException, ProvisionException {
        if (!admin.exists(db.databaseName())) {
            return;
        }
        try {
            guard.check(db, List.of());
        } catch (DestructiveRefusal refusal) {
            throw new ProvisionException(refusal.getMessage(), refusal);
        }
        throw new ProvisionException("testguard:provision refuses to touch " + db + " by rule '" + DestructiveGuard.RULE
                + "': it exists already and this build did not create it. Nothing was touched. Run the provision again"
                + " (names are random), or choose another <prefix> (-Dtestguard.prefix).");
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private BaselineInfo freshBaseline(DatabaseTarget baselineOf, String key) throws ProvisionException {
        if (baselineOf == null) {
            return null;
        }
        try {
            Optional<BaselineInfo> info = new Baselines(baseDir).find(baselineOf);
            return info.filter(i -> i.key().equals(key)).orElse(null);
        } catch (ResetException e) {
            throw new ProvisionException(e.getMessage(), e);
        }
    }

    private void refuseUnlessTest(DatabaseTarget db, Classifier classifier) throws ProvisionException {
        Provenance where = new Provenance(Provenance.Kind.POM, "testguard <provisionUrl>", null, 0,
                "point <provisionUrl> (-Dtestguard.provisionUrl) at a local server");
        Verdict verdict = classifier.classify(DiscoveredUrl.of("testguard.provisionUrl", db.url().raw(), where, null)
                .withCredentials(db.credentials()));
        if (verdict.classification() != Classification.TEST && verdict.classification() != Classification.EPHEMERAL) {
            throw new ProvisionException("testguard refuses to provision " + db + ": it would be " + verdict.classification()
                    + (verdict.ruleId() == null ? "" : " by rule '" + verdict.ruleId() + "'") + ". " + verdict.reason()
                    + (verdict.fix() == null ? "" : " Fix: " + verdict.fix()));
        }
    }

    private DatabaseAdmin admin() throws ProvisionException {
        try {
            return DatabaseAdmins.forTarget(server);
        } catch (IllegalArgumentException e) {
            throw new ProvisionException(e.getMessage(), e);
        }
    }

    private String message(Exception e) {
        return Secrets.maskText(String.valueOf(e.getMessage()), server.effectiveCredentials());
    }
}
