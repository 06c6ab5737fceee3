package dev.testguard.reset;

import dev.testguard.db.MariadbPoolAdmin;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Filling and taking the ready copies of a MariaDB baseline ({@code <database>__tgspare_<k>}, see
 * dev.testguard.provision.SparePool): shared by provision, which keeps the pool, and reset, which takes a spare instead
 * of copying and fills its slot again. The SQL is in {@link MariadbPoolAdmin}; the table copy is the baseline's own.
 */
public final class MariadbSpareFill {


    private MariadbSpareFill() {
    }

    /**
     * Makes {@code spare} a current copy of the baseline of {@code baselineOf} unless it is one already; a database of
     * that name without the pool marker is left alone. The caller holds the baseline's lock and has checked
     * {@link MariadbPoolAdmin#unmovable}.
     */
    public static SpareFill fill(Connection c, String baselineOf, String spare) throws SQLException {
        String base = MysqlReset.baselineName(baselineOf);
        String marker = MariadbPoolAdmin.currentMarker(c, base);
        if (marker == null) {
            return SpareFill.NO_BASELINE;
        }
        Map<String, String> found = MariadbPoolAdmin.markers(c, List.of(spare));
        String current = found.get(spare);
        if (found.containsKey(spare) && marker.equals(current)) {
            return SpareFill.CURRENT;
        }
        if (found.containsKey(spare) && !ours(c, spare, current)) {
            return SpareFill.FOREIGN;
        }
        if (found.containsKey(spare)) {
            MariadbPoolAdmin.drop(c, spare);
        }
        MariadbPoolAdmin.createLike(c, spare, base);
        MysqlReset.copyTables(c, base, spare);
        MariadbPoolAdmin.mark(c, spare, marker);
        return found.containsKey(spare) ? SpareFill.REPLACED_STALE : SpareFill.MADE;
    }

    /**
     * A marked spare, or an empty database under a spare's name: what a claim killed after its table move and before
     * dropping the spare leaves (the marker moved with the tables); with nothing in it, replacing it loses nothing.
     */
    private static boolean ours(Connection c, String spare, String marker) throws SQLException {
        return marker != null ? marker.startsWith(MariadbPoolAdmin.SPARE_MARKER) : MariadbPoolAdmin.isEmpty(c, spare);
    }

    /**
     * Moves the tables of a ready spare of the baseline of {@code baselineOf} into {@code into} (existing, empty, locked
     * by the caller) and recreates the baseline's views and triggers there; returns the spare taken, or null when none
     * was ready ({@code into} is then still empty).
     */
    static String take(Connection c, String baselineOf, String into) throws SQLException {
        String base = MysqlReset.baselineName(baselineOf);
        String marker = MariadbPoolAdmin.currentMarker(c, base);
        if (marker == null || !MariadbPoolAdmin.unmovable(c, base).isEmpty()) {
            return null;
        }
        List<String> ready = new ArrayList<>();
        MariadbPoolAdmin.markers(c, names(baselineOf)).forEach((spare, m) -> {
            if (marker.equals(m)) {
                ready.add(spare);
            }
        });
        for (String spare : ready) {
            if (MariadbPoolAdmin.moveSpareInto(c, spare, into, base)) {
                MysqlReset.copyViewsAndTriggers(c, base, into);
                return spare;
            }
        }
        return null;
    }

    /** The names a pool of the baseline of {@code database} may use (as many as provision may keep). */
    private static List<String> names(String database) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= Baselines.MAX_POOL_SPARES; k++) {
            out.add(Baselines.mariadbPoolSpare(database, k));
        }
        return out;
    }
}
