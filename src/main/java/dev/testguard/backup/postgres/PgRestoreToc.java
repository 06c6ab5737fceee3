package dev.testguard.backup.postgres;

import dev.testguard.backup.tool.ExternalTool;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A payload's table of contents ({@code pg_restore --list}), as far as the restore's verifier needs it: for each table's
 * data item, the later items of the same table that take an ACCESS EXCLUSIVE lock on it (a primary key, unique or check
 * constraint, a rule, a policy, row security). A count begun before such an item would make pg_restore wait for it (a
 * primary key's build queued behind the count of the table it indexes), so the verifier counts such a table only once
 * they are done. Index builds (SHARE), foreign keys and triggers (SHARE ROW EXCLUSIVE) do not wait for a count.
 * <p>Names are matched by prefix ({@code schema table} of the data item against {@code schema table constraint}): a
 * name with spaces can only make a table wait longer than it needs to, never make a count block pg_restore's work less
 * than before.
 */
final class PgRestoreToc {

    /** No contents known: every table is verified as soon as its data is loaded. */
    static final PgRestoreToc NONE = new PgRestoreToc(Map.of(), Map.of());

    private static final Pattern ITEM = Pattern.compile(
            "^(\\d+); \\d+ \\d+ (TABLE DATA|CONSTRAINT|CHECK CONSTRAINT|RULE|POLICY|ROW SECURITY) (.*) \\S*$");
    private static final String DATA = "TABLE DATA";

    private final Map<Integer, Set<Integer>> locksAfter;
    private final Map<String, List<Integer>> bySequentialLabel;

    private PgRestoreToc(Map<Integer, Set<Integer>> locksAfter, Map<String, List<Integer>> bySequentialLabel) {
        this.locksAfter = locksAfter;
        this.bySequentialLabel = bySequentialLabel;
    }

    /** The contents of {@code payload}; {@link #NONE} when pg_restore cannot list them (the restore then says why). */
    static PgRestoreToc read(ExternalTool pgRestore, Path payload) {
        ExternalTool.Result r;
        try {
            r = pgRestore.run(List.of("--list", payload.toString()), Map.of(), null, line -> { }, line -> { });
        } catch (Exception e) {
            return NONE;
        }
        return r.exitCode() == 0 ? parse(r.stdout().lines().toList()) : NONE;
    }

    static PgRestoreToc parse(List<String> listing) {
        Map<Integer, String> data = new HashMap<>();
        Map<Integer, String> locking = new HashMap<>();
        Map<String, List<Integer>> bySequentialLabel = new HashMap<>();
        for (String line : listing) {
            Matcher m = ITEM.matcher(line);
            if (m.matches()) {
                int id = Integer.parseInt(m.group(1));
                (DATA.equals(m.group(2)) ? data : locking).put(id, m.group(3));
                // pg_restore --verbose (one job) names an item as TYPE "schema.tag"
                String label = m.group(2) + " \"" + m.group(3).replaceFirst(" ", ".") + "\"";
                bySequentialLabel.computeIfAbsent(label, k -> new java.util.ArrayList<>()).add(id);
            }
        }
        Map<Integer, Set<Integer>> locksAfter = new HashMap<>();
        data.forEach((id, table) -> {
            Set<Integer> after = new HashSet<>();
            locking.forEach((other, name) -> {
                if (name.equals(table) || name.startsWith(table + " ")) {
                    after.add(other);
                }
            });
            locksAfter.put(id, after);
        });
        return new PgRestoreToc(locksAfter, bySequentialLabel);
    }

    /** The locking items that must be done before the data item {@code id}'s table is counted (empty when none or unknown). */
    Set<Integer> locksAfter(int id) {
        return locksAfter.getOrDefault(id, Set.of());
    }

    /** The ids of the items pg_restore's one-job {@code --verbose} output names {@code TYPE "schema.tag"}. */
    List<Integer> idsOf(String sequentialLabel) {
        return bySequentialLabel.getOrDefault(sequentialLabel, List.of());
    }
}
