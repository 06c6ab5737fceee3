package dev.testguard.policy;

import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.probe.LiveFacts;
import java.util.List;

/**
 * The classification of one discovered URL, with everything the report shows.
 *
 * @param classification the class
 * @param ruleId         the rule that decided ({@code ephemeral}, {@code stamp}, {@code name}, {@code host},
 *                       {@code live-data}, {@code main-datasource}, {@code url}, {@code placeholder}), or null when
 *                       every rule passed
 * @param reason         why, in plain sentences (never a password)
 * @param fix            what to do, or null when nothing needs doing
 * @param url            the parsed URL, or null when it could not be parsed or was unresolved
 * @param live           what the live probe learned ({@link LiveFacts#notChecked()} when it did not run)
 * @param overridden     the FAIL rules an override lifted, each as {@code rule-id (allowed by entry)}
 * @param lifts          the exact database each override lifted, and the entry that did
 */
public record Verdict(
        Classification classification,
        String ruleId,
        String reason,
        String fix,
        JdbcUrl url,
        LiveFacts live,
        List<String> overridden,
        List<Overrides.Lift> lifts) {

    public Verdict {
        live = live == null ? LiveFacts.notChecked() : live;
        overridden = overridden == null ? List.of() : List.copyOf(overridden);
        lifts = lifts == null ? List.of() : List.copyOf(lifts);
    }

    public Verdict(Classification classification, String ruleId, String reason, String fix, JdbcUrl url,
                   LiveFacts live, List<String> overridden) {
        this(classification, ruleId, reason, fix, url, live, overridden, List.of());
    }

    /** This verdict with more said before its reason and its fix (e.g. why an override did not apply). */
    public Verdict explained(String reasonPrefix, String fixPrefix) {
        return new Verdict(classification, ruleId, reasonPrefix + " " + reason, fix == null ? fixPrefix
                : fixPrefix + " " + fix, url, live, overridden, lifts);
    }

    public boolean isSafe() {
        return classification.isSafe();
    }
}
