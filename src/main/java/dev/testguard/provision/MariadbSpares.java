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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    @Override
    public Set<String> claim(Connection connection, List<String> spares, Map<String, String> tokens, Stamp stamp)
            throws SQLException {
        Set<String> claimed = new LinkedHashSet<>();
        try (Connection c = connection) {
            String marker = MariadbPoolAdmin.currentMarker(c, base);
            Deque<String> free = new ArrayDeque<>();
            MariadbPoolAdmin.markers(c, spares).forEach((spare, m) -> {
                if (marker != null && marker.equals(m)) {
                    free.add(spare);
                }
            });
            for (Map.Entry<String, String> wanted : tokens.entrySet()) {
                while (!free.isEmpty() && !claimed.contains(wanted.getKey())) {
                    if (MariadbPoolAdmin.moveSpare(c, free.poll(), wanted.getKey(), base)) {
                        finish(c, wanted.getKey(), wanted.getValue(), stamp);
                        claimed.add(wanted.getKey());
                    }
                }
            }
        }
        return claimed;
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
