package dev.testguard.provision;

import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MariadbPoolAdmin;
import dev.testguard.db.MariadbPoolAdmin.SetMember;
import dev.testguard.db.MysqlAdmin;
import dev.testguard.probe.MysqlStampStore;
import dev.testguard.probe.Stamp;
import dev.testguard.reset.Baselines;
import dev.testguard.reset.TestStamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * MariaDB's pool in sets: each set is {@code members} spares already named as provision names its databases,
 * {@code <prefix><utc time>_<random>_test_<k>} (no suffix for a set of one), each a full copy of the baseline with its
 * views, triggers, an empty token table, a {@code test} stamp and a marker row ({@link MariadbPoolAdmin#SET_TABLE}). A
 * claim takes a whole set in one transaction (markers to claimed, tokens, fresh stamps): no table moves, one durable
 * write, whatever the number of tables. A claimed set is a provisioned database like any other (release, leftovers).
 */
final class MariadbSpareSets {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final MariadbSpares spares;
    private final DatabaseTarget server;
    private final String baselineDatabase;
    private final String base;
    private final String prefix;
    private final int members;
    private final Duration lockWait;

    /** {@code spares}: the connections and lock; {@code members}: the size of a set (the forks). */
    MariadbSpareSets(MariadbSpares spares, DatabaseTarget server, String baselineDatabase, String prefix, int members,
                     Duration lockWait) {
        this.spares = spares;
        this.server = server;
        this.baselineDatabase = baselineDatabase;
        this.base = Baselines.mariadbBaseline(baselineDatabase);
        this.prefix = prefix;
        this.members = members;
        this.lockWait = lockWait;
    }

    int members() {
        return members;
    }

    Connection connect() throws SQLException {
        return spares.connect();
    }

    /** The sets ready now over {@code c}: complete, of this size, of the current baseline; each its names in fork order. */
    List<List<String>> ready(Connection c) throws SQLException {
        String marker = MariadbPoolAdmin.currentMarker(c, base);
        List<List<String>> out = new ArrayList<>();
        if (marker == null) {
            return out;
        }
        bySet(MariadbPoolAdmin.setMembers(c, prefix)).forEach((set, found) -> {
            if (isReady(set, found, marker)) {
                out.add(names(set));
            }
        });
        Collections.shuffle(out); // builds at once mostly try different sets first
        return out;
    }

    /**
     * Claims {@code set} whole over {@code c} with {@code tokens} (fork order) and {@code stamp}, running
     * {@code beforeCommit} last; false: not ours.
     */
    boolean claim(Connection c, List<String> set, List<String> tokens, Stamp stamp, MariadbPoolAdmin.BeforeCommit beforeCommit)
            throws SQLException {
        MysqlStampStore store = new MysqlStampStore();
        return MariadbPoolAdmin.claimSet(c, set, base, tokens, on -> store.overwriteInTransaction(on, stamp), beforeCommit);
    }

    /**
     * Under the baseline's lock: drops this baseline's sets that are stale (an older baseline) or were left half-filled
     * by a killed refill, then makes new sets until {@code count} sets of this size are ready.
     */
    SparePool.Refill refill(int count, TestStamps stamps, Clock clock) throws SQLException {
        SparePool.Tally tally = new SparePool.Tally();
        try (Connection c = connect(); DatabaseLock lock = new MysqlAdmin(server).lock(baselineDatabase, lockWait)) {
            String marker = MariadbPoolAdmin.currentMarker(c, base);
            if (marker == null) {
                return tally.noBaseline();
            }
            List<String> unmovable = MariadbPoolAdmin.unmovable(c, base);
            if (!unmovable.isEmpty()) {
                return tally.unmovable(unmovable);
            }
            int ready = 0;
            for (Map.Entry<String, List<SetMember>> set : bySet(MariadbPoolAdmin.setMembers(c, prefix)).entrySet()) {
                if (isReady(set.getKey(), set.getValue(), marker)) {
                    ready++;
                } else if (unusable(set.getValue(), marker)) {
                    dropMembers(c, set.getValue(), tally);
                }
            }
            for (int made = ready; made < count; made++) {
                fill(c, setName(clock), marker, stamps.testStamp(), tally);
            }
        }
        return tally.done();
    }

    private boolean isReady(String set, List<SetMember> found, String marker) {
        return found.size() == members && found.stream().allMatch(m -> m.members() == members && marker.equals(m.marker()))
                && names(set).equals(found.stream().map(SetMember::database).toList());
    }

    /**
     * A set no claim can want and no build holds: of an older baseline, half-filled by a killed refill, or short of a
     * spare. A complete current set of another size is some other build's (forks) and kept; a claimed one is a build's.
     */
    private static boolean unusable(List<SetMember> found, String marker) {
        return found.stream().noneMatch(m -> MariadbPoolAdmin.SET_CLAIMED.equals(m.marker()))
                && (found.size() != found.get(0).members() || !found.stream().allMatch(m -> marker.equals(m.marker())));
    }

    private static void dropMembers(Connection c, List<SetMember> found, SparePool.Tally tally) throws SQLException {
        for (SetMember m : found) {
            if (MariadbPoolAdmin.dropSetMember(c, m.database())) {
                tally.droppedStale(m.database());
            }
        }
    }

    /** Makes one set: each spare started (marker filling), copied, views, triggers and stamp; then all marked ready at once. */
    private void fill(Connection c, String set, String marker, Stamp stamp, SparePool.Tally tally) throws SQLException {
        List<String> names = names(set);
        for (int k = 1; k <= members; k++) {
            String name = names.get(k - 1);
            MariadbPoolAdmin.startSetMember(c, name, base, baselineDatabase, members, k);
            Baselines.copyMariadbTables(c, baselineDatabase, name);
            Baselines.copyMariadbViewsAndTriggers(c, baselineDatabase, name);
            c.setCatalog(name);
            new MysqlStampStore().write(c, stamp);
        }
        if (!MariadbPoolAdmin.markSetReady(c, names, marker)) {
            throw new SQLException("the spares " + names + " changed while they were being filled; drop them by hand");
        }
        names.forEach(tally::made);
    }

    /** Drops every spare of a set of this baseline that is not claimed (any size, current or stale); their names. */
    List<String> drop() throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (Connection c = connect(); DatabaseLock lock = new MysqlAdmin(server).lock(baselineDatabase, lockWait)) {
            for (SetMember m : MariadbPoolAdmin.setMembers(c, prefix)) {
                if (baselineDatabase.equals(m.baseline()) && MariadbPoolAdmin.dropSetMember(c, m.database())) {
                    dropped.add(m.database());
                }
            }
        }
        return dropped;
    }

    /** This baseline's spares of sets, by set name, in fork order. */
    private Map<String, List<SetMember>> bySet(List<SetMember> all) {
        Map<String, List<SetMember>> out = new TreeMap<>();
        for (SetMember m : all) {
            if (baselineDatabase.equals(m.baseline())) {
                out.computeIfAbsent(setOf(m), s -> new ArrayList<>()).add(m);
            }
        }
        out.values().forEach(l -> l.sort(Comparator.comparingInt(SetMember::member)));
        return out;
    }

    /** The set a spare belongs to: its name without {@code _<k>} (a set of one has none). */
    private static String setOf(SetMember m) {
        String suffix = "_" + m.member();
        return m.members() > 1 && m.database().endsWith(suffix)
                ? m.database().substring(0, m.database().length() - suffix.length()) : m.database();
    }

    /** The names of the spares of {@code set}, as provision names {@code members} databases. */
    private List<String> names(String set) {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= members; k++) {
            out.add(members == 1 ? set : set + "_" + k);
        }
        return out;
    }

    private String setName(Clock clock) {
        return prefix + TIME.format(Instant.now(clock)) + "_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2) + "_test";
    }
}
