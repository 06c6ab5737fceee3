package dev.testguard.policy;

import dev.testguard.discovery.DiscoveredUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An allowDatabases entry names one exact database. One written without port or product ({@code localhost/petclinic})
 * means the vendor's default port; when the build's URLs give it two databases to mean (MySQL on 3306 and PostgreSQL
 * on 5432), it is ambiguous and lifts neither: those URLs are judged again without it, and told why.
 */
public final class OverrideConflicts {

    private OverrideConflicts() {
    }

    /** {@code verdicts} (one per URL, same order) with every ambiguous entry's lifts undone. */
    public static List<Verdict> settle(Classifier classifier, List<DiscoveredUrl> urls, List<Verdict> verdicts) {
        Map<String, Set<String>> ambiguous = ambiguous(verdicts);
        if (ambiguous.isEmpty()) {
            return verdicts;
        }
        Classifier narrowed = classifier.without(ambiguous.keySet());
        List<Verdict> settled = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict v = verdicts.get(i);
            String entry = v.lifts().stream().map(Overrides.Lift::entry).filter(ambiguous::containsKey).findFirst()
                    .orElse(null);
            settled.add(entry == null ? v : explained(narrowed.classify(urls.get(i)), entry, ambiguous.get(entry)));
        }
        return settled;
    }

    /** Entries without port or product that lifted more than one database, with those databases. */
    static Map<String, Set<String>> ambiguous(List<Verdict> verdicts) {
        Map<String, Set<String>> databases = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            for (Overrides.Lift lift : v.lifts()) {
                if (lift.portless()) {
                    databases.computeIfAbsent(lift.entry(), k -> new TreeSet<>()).add(lift.database());
                }
            }
        }
        databases.values().removeIf(set -> set.size() < 2);
        return databases;
    }

    private static Verdict explained(Verdict verdict, String entry, Set<String> databases) {
        if (verdict.isSafe()) {
            return verdict;
        }
        return verdict.explained("The allowDatabases entry '" + entry + "' names no port, and this build has "
                        + databases.size() + " databases it could mean (" + String.join(", ", databases)
                        + "): an entry lifts one exact database, so it lifts none of them.",
                "Write the port of the one database you mean in the entry (host:port/database), or its product "
                        + "(postgresql://host/database); or");
    }
}
