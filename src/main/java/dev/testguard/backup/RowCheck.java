package dev.testguard.backup;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** One table's row count in the manifest against the count found after a restore; null where the table is missing. */
public record RowCheck(String table, Long expected, Long actual) {

    public boolean ok() {
        return Objects.equals(expected, actual);
    }

    /** Every table on either side, sorted. */
    public static List<RowCheck> compare(Map<String, Long> expected, Map<String, Long> actual) {
        TreeSet<String> tables = new TreeSet<>(expected.keySet());
        tables.addAll(actual.keySet());
        return tables.stream().map(t -> new RowCheck(t, expected.get(t), actual.get(t))).toList();
    }

    /** A table with columns table, expected, actual, ok; one line per table. */
    public static List<String> table(List<RowCheck> checks) {
        int w = Math.max(5, checks.stream().mapToInt(c -> c.table().length()).max().orElse(5));
        String fmt = "%-" + w + "s  %12s  %12s  %s";
        List<String> out = new java.util.ArrayList<>();
        out.add(String.format(fmt, "table", "expected", "actual", "ok"));
        for (RowCheck c : checks) {
            out.add(String.format(fmt, c.table(), c.expected() == null ? "missing" : c.expected(),
                    c.actual() == null ? "missing" : c.actual(), c.ok() ? "ok" : "MISMATCH"));
        }
        return out;
    }
}
