package dev.testguard.provision;

import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.PostgresAdmin;
import dev.testguard.probe.PostgresStampStore;
import dev.testguard.probe.Stamp;
import dev.testguard.reset.Baselines;
import dev.testguard.reset.PostgresSpareFill;
import dev.testguard.reset.TestStamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL's spares: databases renamed in constant time. A spare's comment starts with the pool marker (the template's
 * oid and a hash of the baseline info) followed by a {@code test} stamp; a claim renames it, in one transaction that
 * checks the marker against the current baseline and writes the provision token and a fresh stamp.
 */
final class PostgresSpares implements Spares {

    private final PostgresAdmin admin;
    private final String baselineDatabase;
    private final String template;
    private final Duration lockWait;

    PostgresSpares(DatabaseTarget server, String baselineDatabase, Duration lockWait) {
        this.admin = new PostgresAdmin(server);
        this.baselineDatabase = baselineDatabase;
        this.template = Baselines.postgresTemplate(baselineDatabase);
        this.lockWait = lockWait;
    }

    @Override
    public Connection connect() throws SQLException {
        return admin.openMaintenance();
    }

    @Override
    public Set<String> claim(Connection maintenance, List<String> spares, Map<String, String> tokens, Stamp stamp)
            throws SQLException {
        List<String> candidates = new ArrayList<>();
        try (Connection m = maintenance) {
            PostgresAdmin.comments(m, spares).forEach((spare, text) -> {
                if (text != null && text.startsWith(PostgresAdmin.SPARE_MARKER)) {
                    candidates.add(spare);
                }
            });
            Map<String, String> comments = new LinkedHashMap<>();
            tokens.forEach((name, token) -> comments.put(name, PostgresStampStore.commentWith(PostgresAdmin.tokenText(token), stamp)));
            return candidates.isEmpty() ? Set.of() : PostgresAdmin.claimSpares(m, candidates, comments, template).keySet();
        }
    }

    @Override
    public SparePool.Refill refill(List<String> spares, TestStamps stamps) throws SQLException {
        SparePool.Tally tally = new SparePool.Tally();
        try (Connection m = admin.openMaintenance()) {
            for (String spare : spares) {
                try (DatabaseLock lock = admin.lock(baselineDatabase, lockWait)) {
                    if (!tally.add(spare, PostgresSpareFill.fill(m, baselineDatabase, spare, null, stamps.testStamp()))) {
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
        try (Connection m = admin.openMaintenance(); DatabaseLock lock = admin.lock(baselineDatabase, lockWait)) {
            for (Map.Entry<String, String> e : PostgresAdmin.comments(m, candidates).entrySet()) {
                if (e.getValue() != null && e.getValue().startsWith(PostgresAdmin.SPARE_MARKER)) {
                    PostgresAdmin.drop(m, e.getKey());
                    dropped.add(e.getKey());
                }
            }
        }
        return dropped;
    }
}
