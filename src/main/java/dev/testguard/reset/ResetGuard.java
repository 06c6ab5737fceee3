package dev.testguard.reset;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.policy.Classification;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, before anything is touched, which databases reset may act on: every candidate is classified with every
 * rule (static and live), and if a single one is not TEST or EPHEMERAL the whole reset is refused with each
 * refusal's reason and fix. In-memory and container URLs are skipped: there is nothing on disk to reset.
 */
public final class ResetGuard {

    private final Classifier classifier;

    public ResetGuard(Classifier classifier) {
        this.classifier = classifier;
    }

    /** The approved targets and what was skipped. */
    public record Approval(List<DatabaseTarget> targets, List<String> skipped, Map<DatabaseTarget, List<String>> overrides) {

        public Approval(List<DatabaseTarget> targets, List<String> skipped) {
            this(targets, skipped, Map.of());
        }

        /** The override entries that let {@code target} pass, empty when none was needed. */
        public List<String> overridesOf(DatabaseTarget target) {
            return overrides.getOrDefault(target, List.of());
        }
    }

    public Approval approve(List<DiscoveredUrl> candidates) throws ResetException {
        Map<String, DatabaseTarget> approved = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Map<DatabaseTarget, List<String>> overrides = new LinkedHashMap<>();
        for (DiscoveredUrl candidate : candidates) {
            Verdict verdict = classifier.classify(candidate);
            if (verdict.classification() == Classification.UNRESOLVED || verdict.url() == null) {
                refusals.add(describe(candidate, verdict, verdict.classification() == Classification.UNRESOLVED
                        ? "it cannot be resolved" : "it is " + verdict.classification()));
                continue;
            }
            if (!verdict.isSafe()) {
                refusals.add(describe(candidate, verdict, "it is " + verdict.classification()));
                continue;
            }
            Storage storage = verdict.url().storage();
            if (storage == Storage.MEMORY || storage == Storage.CONTAINER) {
                skipped.add(verdict.url().masked() + " (" + (storage == Storage.MEMORY ? "in-memory" : "Testcontainers")
                        + ": new for every test JVM, nothing to reset)");
                continue;
            }
            DatabaseTarget target = new DatabaseTarget(verdict.url(), candidate.credentials());
            if (approved.putIfAbsent(verdict.url().raw(), target) == null && !verdict.overridden().isEmpty()) {
                overrides.put(target, verdict.overridden());
            }
        }
        if (!refusals.isEmpty()) {
            throw new ResetException("testguard refuses to reset: nothing was touched.\n" + String.join("\n", refusals));
        }
        return new Approval(new ArrayList<>(approved.values()), skipped, overrides);
    }

    private static String describe(DiscoveredUrl candidate, Verdict verdict, String what) {
        String url = verdict.url() == null ? dev.testguard.jdbc.Secrets.maskUrl(candidate.url()) : verdict.url().masked();
        StringBuilder sb = new StringBuilder("  ").append(url).append(" (from ").append(candidate.provenance()).append("): ")
                .append(what);
        if (verdict.ruleId() != null) {
            sb.append(" by rule '").append(verdict.ruleId()).append("'");
        }
        sb.append(". ").append(verdict.reason());
        if (verdict.fix() != null) {
            sb.append("\n    Fix: ").append(verdict.fix());
        }
        return sb.toString();
    }
}
