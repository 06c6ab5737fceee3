package dev.testguard.backup;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a restored database holds, compared with its backup's manifest: exact row counts of every table and the
 * content checksums the manifest recorded. The stamp table is left out: a restore keeps the target's own stamp.
 */
public record RestoredContent(List<RowCheck> rows, List<String> checksumMismatches, int checksummed) {

    /** Marker tables that belong to the target, not to the backup. */
    static final Set<String> OWN_TABLES = Set.of("testguard_stamp");

    public boolean matches() {
        return rows.stream().allMatch(RowCheck::ok) && checksumMismatches.isEmpty();
    }

    /**
     * @param actualRows the restored database's exact row counts
     * @param restored   a connection to the restored database, for the checksums
     */
    public static RestoredContent compare(Manifest manifest, Map<String, Long> actualRows, Connection restored) throws SQLException {
        Map<String, String> expected = expectedChecksums(manifest);
        return compare(manifest, actualRows, expected.isEmpty() ? Map.of() : TableChecksums.matching(restored, expected));
    }

    /**
     * @param actualRows      the restored database's exact row counts
     * @param actualChecksums the restored tables' checksums, at least of the {@link #checksummedTables} (a missing one differs)
     */
    public static RestoredContent compare(Manifest manifest, Map<String, Long> actualRows, Map<String, String> actualChecksums) {
        Map<String, Long> expected = withoutOwnTables(manifest.rowCounts());
        Map<String, String> sums = withoutOwnTables(manifest.checksums());
        List<RowCheck> rows = RowCheck.compare(expected, withoutOwnTables(actualRows));
        List<String> bad = TableChecksums.mismatches(sums, actualChecksums);
        return new RestoredContent(rows, bad, sums.size());
    }

    /** The tables whose content checksum the manifest recorded and a restore compares. */
    public static Set<String> checksummedTables(Manifest manifest) {
        return expectedChecksums(manifest).keySet();
    }

    /** The checksums the manifest recorded that a restore compares, each naming its algorithm. */
    public static Map<String, String> expectedChecksums(Manifest manifest) {
        return withoutOwnTables(manifest.checksums());
    }

    /** For people: which tables differ and how. */
    public String differences() {
        List<String> parts = new ArrayList<>();
        List<String> counts = rows.stream().filter(r -> !r.ok())
                .map(r -> r.table() + " (expected " + r.expected() + ", found " + r.actual() + ")").toList();
        if (!counts.isEmpty()) {
            parts.add("row counts differ for " + String.join(", ", counts));
        }
        if (!checksumMismatches.isEmpty()) {
            parts.add("content checksums differ for " + String.join(", ", checksumMismatches));
        }
        return String.join("; ", parts);
    }

    private static <V> Map<String, V> withoutOwnTables(Map<String, V> in) {
        Map<String, V> out = new TreeMap<>(in == null ? Map.of() : in);
        out.keySet().removeAll(OWN_TABLES); // MySQL keys are bare table names; PostgreSQL stamps in a comment
        return out;
    }
}
