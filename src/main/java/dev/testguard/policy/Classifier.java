package dev.testguard.policy;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.jdbc.AmbiguousJdbcUrlException;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.jdbc.Secrets;
import dev.testguard.probe.LiveFacts;
import dev.testguard.probe.LiveProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every discovered URL its one class. Rules run in order; the database is probed live only when the first
 * {@link LiveRule} is reached, so ephemeral URLs are never connected to. A FAIL is lifted when an override names
 * this exact database (and recorded); a {@code protected} stamp never is.
 */
public final class Classifier {

    /** The rule id of a URL that does not name one database plainly (parts disagree, control characters). */
    public static final String AMBIGUOUS = "ambiguous";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)(:[^}]*)?}");

    private final List<Rule> rules;
    private final LiveProbe probe;
    private final Overrides overrides;
    private final TestReason testReason;

    /** @throws IllegalArgumentException when an allowDatabases entry cannot be read (the message says why) */
    public Classifier(PolicySettings settings, List<Rule> rules, LiveProbe probe) {
        this.rules = List.copyOf(rules);
        this.probe = probe == null ? LiveProbe.OFFLINE : probe;
        this.overrides = Overrides.from(settings);
        this.testReason = new TestReason(settings);
    }

    /**
     * The standard rules in the DESIGN order (ephemeral, stamp, name, host, live-data, main-datasource), the
     * application's datasource found only if some URL reaches the main-datasource rule.
     */
    public static Classifier standardFindingMain(PolicySettings settings, LiveProbe probe, Supplier<MainDatasource> main) {
        return new Classifier(settings, rules(settings, main), probe);
    }

    public static List<Rule> standardRules(PolicySettings settings, MainDatasource main) {
        return rules(settings, () -> main);
    }

    private static List<Rule> rules(PolicySettings settings, Supplier<MainDatasource> main) {
        return List.of(new EphemeralRule(settings), new StampRule(), new NameRule(settings), new HostRule(settings),
                new LiveDataRule(settings), new MainDatasourceRule(main, settings));
    }

    /** Classifies a URL opened with the source's credentials as its only connection properties. */
    public Verdict classify(DiscoveredUrl source) {
        return classify(source, credentialProperties(source.credentials()));
    }

    /**
     * Classifies a URL as the driver will open it with {@code connectionProperties} (the runtime guard passes the
     * {@code Properties} of the connection): the rules judge the database the driver really uses. A URL whose parts
     * disagree, or that holds a control character, is PROTECTED (rule {@value #AMBIGUOUS}), and no override lifts it.
     */
    public Verdict classify(DiscoveredUrl source, Map<String, String> connectionProperties) {
        if (source.unresolved()) {
            return unresolved(source);
        }
        JdbcUrl url;
        try {
            url = JdbcUrlParser.parse(source.url(), connectionProperties);
        } catch (AmbiguousJdbcUrlException e) {
            return new Verdict(Classification.PROTECTED, AMBIGUOUS, Secrets.maskUrl(e.getMessage()),
                    "Name the database, host and port once each, in the URL's usual place (host list and path), "
                            + "without control characters.", null, LiveFacts.notChecked(), List.of());
        } catch (JdbcUrlException e) {
            return new Verdict(Classification.PROTECTED, "url", Secrets.maskUrl(e.getMessage()), "Correct the URL.",
                    null, LiveFacts.notChecked(), List.of());
        }
        return classify(source, url);
    }

    /** The {@code user} and {@code password} properties a framework passes next to the URL. */
    public static Map<String, String> credentialProperties(Credentials credentials) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (credentials != null && credentials.username() != null) {
            properties.put("user", credentials.username());
        }
        if (credentials != null && credentials.password() != null) {
            properties.put("password", credentials.password());
        }
        return properties;
    }

    /** Classifies a URL already parsed from {@code source.url()}. */
    public Verdict classify(DiscoveredUrl source, JdbcUrl url) {
        LiveFacts live = LiveFacts.notChecked();
        boolean probed = false;
        List<String> overridden = new ArrayList<>();
        List<Overrides.Lift> lifts = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule instanceof LiveRule && !probed) {
                live = inspect(url, source);
                probed = true;
            }
            Decision decision = rule.evaluate(new Target(source, url, live));
            switch (decision.outcome()) {
                case PASS:
                    break;
                case EPHEMERAL:
                    return verdict(Classification.EPHEMERAL, rule, decision, url, live, overridden);
                case FORCE_TEST:
                    return verdict(Classification.TEST, rule, decision, url, live, overridden);
                case FORCE_PROTECTED:
                    return verdict(Classification.PROTECTED, rule, decision, url, live, overridden);
                case FAIL:
                    Optional<Overrides.Lift> lift = overrides.lift(url);
                    if (lift.isEmpty()) {
                        return verdict(Classification.PROTECTED, rule, decision, url, live, overridden);
                    }
                    overridden.add(rule.id() + " (allowed by " + lift.get().entry() + ")");
                    if (!lifts.contains(lift.get())) {
                        lifts.add(lift.get());
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown outcome " + decision.outcome());
            }
        }
        return new Verdict(Classification.TEST, null, testReason.describe(url, live, overridden), null, url, live,
                overridden, lifts);
    }

    /** This classifier without the given allowDatabases entries (same rules, same probe). */
    public Classifier without(java.util.Collection<String> entries) {
        return new Classifier(rules, probe, overrides.without(entries), testReason);
    }

    private Classifier(List<Rule> rules, LiveProbe probe, Overrides overrides, TestReason testReason) {
        this.rules = rules;
        this.probe = probe;
        this.overrides = overrides;
        this.testReason = testReason;
    }

    private LiveFacts inspect(JdbcUrl url, DiscoveredUrl source) {
        try {
            LiveFacts facts = probe.inspect(url, source.credentials());
            return facts == null ? LiveFacts.notChecked() : facts;
        } catch (RuntimeException e) {
            // a broken probe must not break the build: the static rules still judge the URL
            String message = Secrets.maskText(String.valueOf(e.getMessage()), source.credentials().password(),
                    url.password());
            return new LiveFacts(LiveFacts.Status.ERROR, null, null, null, message, 0);
        }
    }

    private static Verdict verdict(Classification classification, Rule rule, Decision decision, JdbcUrl url,
            LiveFacts live, List<String> overridden) {
        return new Verdict(classification, rule.id(), decision.reason(), decision.fix(), url, live, overridden);
    }

    private static Verdict unresolved(DiscoveredUrl source) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(source.url() == null ? "" : source.url());
        while (m.find()) {
            if (m.group(2) == null) {
                names.add(m.group(1));
            }
        }
        String placeholders = names.isEmpty() ? "a placeholder" : "${" + String.join("}, ${", names) + "}";
        return new Verdict(Classification.UNRESOLVED, "placeholder",
                "The value holds " + placeholders + ", which nothing in the build resolves, so the tests cannot "
                        + "use it either.",
                "Define " + (names.isEmpty() ? "the placeholder" : String.join(", ", names)) + " for the tests "
                        + "(a -D property or an environment variable), or give it a test default such as "
                        + "${" + (names.isEmpty() ? "NAME" : names.iterator().next()) + ":jdbc:h2:mem:test}.",
                null, LiveFacts.notChecked(), List.of());
    }
}
