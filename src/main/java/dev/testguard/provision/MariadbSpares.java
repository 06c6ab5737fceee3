package dev.testguard.provision;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MariadbPoolAdmin;
import dev.testguard.db.MysqlAdmin;
import dev.testguard.probe.MysqlStampStore;
import dev.testguard.probe.Stamp;
import dev.testguard.reset.Baselines;
import dev.testguard.reset.MariadbSpareFill;
import dev.testguard.reset.TestStamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * MariaDB's spares: databases holding the baseline's tables and a marker table ({@link MariadbPoolAdmin}). A claim creates
 * the target, moves every table into it in one RENAME TABLE, recreates the baseline's views and triggers, and writes the
 * provision token and the stamp, all over the claim's connection. A baseline with objects no move carries (routines,
 * events, sequences) gets no spares: the refill says so, and provision copies it.
 */
final class MariadbSpares implements Spares {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Seconds a RENAME TABLE waits for another claim's metadata locks (it then finds the spare gone). */
    private static final int LOCK_WAIT_SECONDS = 60;

    private final DatabaseTarget server;
    private final String baselineDatabase;
    private final String base;
    private final Duration lockWait;

    MariadbSpares(DatabaseTarget server, String baselineDatabase, Duration lockWait) {
        this.server = server;
        this.baselineDatabase = baselineDatabase;
        this.base = Baselines.mariadbBaseline(baselineDatabase);
        this.lockWait = lockWait;
    }

    @Override
    public Connection connect() throws SQLException {
        Connection c = Connections.open(MysqlAdmin.withDatabase(server.url(), null), server.effectiveCredentials(), TIMEOUT);
        MysqlAdmin.limitLockWait(c, LOCK_WAIT_SECONDS);
        return c;
    }

    /**
     * Three queries find the ready spares; then each name is claimed on a connection of its own, all at once: a RENAME
     * TABLE waits mostly for the server to make its table moves durable, and claims at once share those waits (4 moves of
     * 51 tables took 2 to 2.4 times less time on 4 connections than one after another, measured). Each claim creates its target, moves, re-checks and writes over its own
     * connection, as one claim alone does; a spare goes to one claim (its tables move once). When a claim fails, the
     * databases the others made are dropped again, so the failure leaves nothing behind.
     */
    @Override
    public Set<String> claim(Connection connection, List<String> spares, Map<String, String> tokens, Stamp stamp)
            throws SQLException {
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        try (Connection c = connection) {
            String marker = MariadbPoolAdmin.currentMarker(c, base);
            Queue<String> free = new ConcurrentLinkedQueue<>();
            MariadbPoolAdmin.markers(c, spares).forEach((spare, m) -> {
                if (marker != null && marker.equals(m)) {
                    free.add(spare);
                }
            });
            if (free.isEmpty() || tokens.isEmpty()) {
                return Set.of();
            }
            String charset = MariadbPoolAdmin.charsetOf(c, base);
            List<Map.Entry<String, String>> wanted = new ArrayList<>(tokens.entrySet());
            List<FutureTask<Void>> others = new ArrayList<>();
            for (Map.Entry<String, String> w : wanted.subList(1, Math.min(wanted.size(), free.size()))) {
                FutureTask<Void> other = new FutureTask<>(() -> {
                    try (Connection own = connect()) {
                        claimOne(own, free, w, charset, stamp, claimed);
                    }
                    return null;
                });
                others.add(other);
                Thread thread = new Thread(other, "testguard-claim-" + w.getKey());
                thread.setDaemon(true);
                thread.start();
            }
            SQLException failed = null;
            try {
                claimOne(c, free, wanted.get(0), charset, stamp, claimed);
            } catch (SQLException e) {
                failed = e;
            } catch (RuntimeException e) {
                failed = new SQLException(String.valueOf(e), e);
            }
            failed = awaitAll(others, failed);
            // the spares no claim needed (more spares than names, or a name whose claim found none) are left as they are
            if (failed != null) {
                dropAgain(claimed, failed);
                throw failed;
            }
        }
        return claimed;
    }

    /** Hands a spare from {@code free} to {@code wanted} over {@code c}, trying the next one while another claim takes it. */
    private void claimOne(Connection c, Queue<String> free, Map.Entry<String, String> wanted, String charset, Stamp stamp,
                          Set<String> claimed) throws SQLException {
        for (String spare = free.poll(); spare != null; spare = free.poll()) {
            if (MariadbPoolAdmin.moveSpare(c, spare, wanted.getKey(), base, charset)) {
                finish(c, wanted.getKey(), wanted.getValue(), stamp);
                claimed.add(wanted.getKey());
                return;
            }
        }
    }

    /** Waits for every claim of {@code others}; the first failure (the others suppressed in it), or null. */
    private static SQLException awaitAll(List<FutureTask<Void>> others, SQLException failed) {
        SQLException first = failed;
        for (FutureTask<Void> other : others) {
            SQLException e = null;
            try {
                other.get();
            } catch (ExecutionException x) {
                e = x.getCause() instanceof SQLException sql ? sql : new SQLException(String.valueOf(x.getCause()), x.getCause());
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                e = new SQLException("interrupted while claiming spares", x);
            }
            if (e != null && first == null) {
                first = e;
            } else if (e != null) {
                first.addSuppressed(e);
            }
        }
        return first;
    }

    /** A claim failed: the databases the other claims made go again (nobody else has them yet). */
    private void dropAgain(Set<String> claimed, SQLException failed) {
        if (claimed.isEmpty()) {
            return;
        }
        try (Connection c = connect()) {
            for (String name : claimed) {
                MariadbPoolAdmin.drop(c, name);
            }
        } catch (SQLException again) {
            failed.addSuppressed(again);
        }
    }

    /** Token, stamp, views and triggers of a claimed database, over the claim's connection; on failure it is dropped. */
    private void finish(Connection c, String name, String token, Stamp stamp) throws SQLException {
        try {
            MysqlAdmin.writeProvisionToken(c, name, token); // first: a claim cut short leaves a database release knows
            c.setCatalog(name);
            new MysqlStampStore().write(c, stamp);
            Baselines.copyMariadbViewsAndTriggers(c, baselineDatabase, name);
        } catch (SQLException e) {
            try {
                MariadbPoolAdmin.drop(c, name); // this claim created it: nobody else has it yet
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    @Override
    public SparePool.Refill refill(List<String> spares, TestStamps stamps) throws SQLException {
        SparePool.Tally tally = new SparePool.Tally();
        MysqlAdmin admin = new MysqlAdmin(server);
        try (Connection c = connect()) {
            for (String spare : spares) {
                try (DatabaseLock lock = admin.lock(baselineDatabase, lockWait)) {
                    List<String> unmovable = MariadbPoolAdmin.unmovable(c, base);
                    if (!unmovable.isEmpty()) {
                        return tally.unmovable(unmovable);
                    }
                    if (!tally.add(spare, MariadbSpareFill.fill(c, baselineDatabase, spare))) {
                        return tally.noBaseline();
                    }
                }
            }
        }
        return tally.done();
    }

    @Override
    public List<String> drop(List<String> candidates) throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (Connection c = connect(); DatabaseLock lock = new MysqlAdmin(server).lock(baselineDatabase, lockWait)) {
            for (Map.Entry<String, String> e : MariadbPoolAdmin.markers(c, candidates).entrySet()) {
                if (e.getValue() != null && e.getValue().startsWith(MariadbPoolAdmin.SPARE_MARKER)) {
                    MariadbPoolAdmin.drop(c, e.getKey());
                    dropped.add(e.getKey());
                }
            }
        }
        return dropped;
    }
}
