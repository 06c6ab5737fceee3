package dev.testguard.backup;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.jdbc.Secrets;
import dev.testguard.policy.Classification;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.Decision;
import dev.testguard.policy.EphemeralRule;
import dev.testguard.policy.HostRule;
import dev.testguard.policy.NameRule;
import dev.testguard.policy.PolicySettings;
import dev.testguard.policy.Target;
import dev.testguard.policy.Verdict;
import dev.testguard.probe.LiveFacts;
import dev.testguard.probe.LiveProbe;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether {@code backup} includes the application's main datasource: only a database on this machine
 * (loopback, unix socket or embedded file) that is neither ephemeral nor a test database by its name. The
 * verify goal's own rules decide, offline; overrides and allowed hosts play no part, since they loosen what
 * counts as a test database, not what is local.
 */
public final class MainDatasourceSelection {

    /** The outcome: {@code target} is null when the datasource is left out; {@code reason} says why either way. */
    public record Choice(DatabaseTarget target, String reason) {
        public boolean included() {
            return target != null;
        }
    }

    private MainDatasourceSelection() {
    }

    public static Choice choose(Optional<DiscoveredUrl> main, PolicySettings settings) {
        if (main.isEmpty()) {
            return new Choice(null, "no main datasource found in the main resources (application*.properties|yml, persistence.xml, ...)");
        }
        DiscoveredUrl found = main.get();
        String where = found.key() + " (" + found.provenance() + ")";
        JdbcUrl url;
        try {
            url = JdbcUrlParser.parse(found.url());
        } catch (JdbcUrlException e) {
            return new Choice(null, "the main datasource " + where + " cannot be read: " + Secrets.maskUrl(e.getMessage()));
        }
        PolicySettings strict = new PolicySettings(settings.testTokens(), settings.forbiddenTokens(), List.of(), List.of(),
                false, settings.baseDirectory(), settings.buildDirectory(), settings.tempDirectory(), settings.userHome(),
                settings.maxRows());
        Verdict verdict = new Classifier(strict, List.of(new EphemeralRule(strict), new NameRule(strict)), LiveProbe.OFFLINE)
                .classify(found, url);
        String masked = url.masked();
        if (verdict.classification() == Classification.EPHEMERAL) {
            return new Choice(null, "the main datasource " + masked + " from " + where + " is ephemeral: " + verdict.reason());
        }
        if (verdict.classification() == Classification.TEST) {
            return new Choice(null, "the main datasource " + masked + " from " + where + " is a test database by its name");
        }
        Decision host = new HostRule(strict).evaluate(new Target(found, url, LiveFacts.notChecked()));
        if (host.outcome() != Decision.Outcome.PASS) {
            return new Choice(null, "the main datasource " + masked + " from " + where + " is not on this machine (only local"
                    + " databases are backed up unasked; list it in <protectedDatabases> to back it up)");
        }
        return new Choice(new DatabaseTarget(url, found.credentials()),
                "the main datasource " + masked + " from " + where + " is local and not a test database");
    }
}
