package dev.testguard.reset;

import dev.testguard.db.PostgresAdmin;
import dev.testguard.probe.PostgresStampStore;
import dev.testguard.probe.Stamp;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Filling and taking the ready copies of a PostgreSQL baseline ({@code <database>__tgspare_<k>}, see
 * dev.testguard.provision.SparePool): shared by provision, which keeps the pool, and reset, which renames a spare into
 * place instead of copying the template and fills its slot again. The SQL is in {@link PostgresAdmin}.
 */
public final class PostgresSpareFill {


    private PostgresSpareFill() {
    }

    /**
     * Makes {@code spare} a current copy of the baseline of {@code baselineOf}, owned by {@code owner} (null: the
     * connected role) and carrying {@code stamp}, unless it is one already; a database of that name without the pool
     * marker is left alone. The caller holds the baseline's lock.
     */
    public static SpareFill fill(Connection m, String baselineOf, String spare, String owner, Stamp stamp) throws SQLException {
        String template = Baselines.postgresTemplate(baselineOf);
        String marker = PostgresAdmin.spareMarker(m, template);
        if (marker == null) {
            return SpareFill.NO_BASELINE;
        }
        Map<String, String> found = PostgresAdmin.comments(m, List.of(spare));
        String first = found.get(spare) == null ? "" : found.get(spare).split("\n", 2)[0];
        if (found.containsKey(spare) && first.equals(marker)) {
            return SpareFill.CURRENT;
        }
        if (found.containsKey(spare) && !first.startsWith(PostgresAdmin.SPARE_MARKER)) {
            return SpareFill.FOREIGN;
        }
        if (found.containsKey(spare)) {
            PostgresAdmin.drop(m, spare);
        }
        PostgresAdmin.createCopy(m, spare, template, owner);
        // the marker goes last: a copy cut short (a killed build) is never handed out
        PostgresAdmin.comment(m, spare, PostgresStampStore.commentWith(marker, stamp));
        return found.containsKey(spare) ? SpareFill.REPLACED_STALE : SpareFill.MADE;
    }

    /**
     * Renames a ready spare of the current baseline of {@code baselineOf} whose owner is {@code owner} (null: the
     * connected role) to {@code name}, which does not exist, in the pool's own claim, which leaves it without a comment
     * (no stamp: the caller stamps it, or not); returns the spare taken, or null when none was ready.
     */
    static String take(Connection c, String baselineOf, String name, String owner) throws SQLException {
        List<String> pool = new ArrayList<>();
        for (int k = 1; k <= Baselines.MAX_POOL_SPARES; k++) {
            pool.add(Baselines.postgresPoolSpare(baselineOf, k));
        }
        List<String> candidates = new ArrayList<>();
        for (Map.Entry<String, String> e : PostgresAdmin.comments(c, pool).entrySet()) {
            String spareOwner = PostgresAdmin.databaseOwner(c, e.getKey());
            if (e.getValue() != null && e.getValue().startsWith(PostgresAdmin.SPARE_MARKER)
                    && (owner == null ? PostgresAdmin.isCurrentUser(c, spareOwner) : owner.equals(spareOwner))) {
                candidates.add(e.getKey());
            }
        }
        return candidates.isEmpty() ? null
                : PostgresAdmin.claimSpares(c, candidates, Map.of(name, ""), Baselines.postgresTemplate(baselineOf)).get(name);
    }
}
