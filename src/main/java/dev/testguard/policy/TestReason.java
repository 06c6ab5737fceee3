package dev.testguard.policy;

import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.probe.LiveFacts;
import java.util.ArrayList;
import java.util.List;

/** The short reason of a TEST verdict: which facts made it a test database. */
final class TestReason {

    private final NameRule names;
    private final HostRule hosts;

    TestReason(PolicySettings settings) {
        this.names = new NameRule(settings);
        this.hosts = new HostRule(settings);
    }

    /** For example "name holds 'test', host localhost is local, not checked live." */
    String describe(JdbcUrl url, LiveFacts live, List<String> overridden) {
        List<String> parts = new ArrayList<>();
        List<String> tokens = names.testTokensIn(url);
        if (!tokens.isEmpty()) {
            parts.add("name holds '" + String.join("', '", tokens) + "'");
        }
        String location = hosts.describeLocation(url);
        if (!location.isEmpty()) {
            parts.add(location);
        }
        parts.add(describe(live));
        if (!overridden.isEmpty()) {
            parts.add("lifted by override: " + String.join(", ", overridden));
        }
        String text = String.join(", ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
    }

    static String describe(LiveFacts live) {
        return switch (live.status()) {
            case NOT_CHECKED -> "not checked live";
            case REACHABLE -> live.estimatedRows() == null ? "reachable"
                    : "reachable with about " + grouped(live.estimatedRows()) + " rows";
            default -> "live check failed (" + (live.message() == null ? live.status().name().toLowerCase(
                    java.util.Locale.ROOT) : live.message()) + ") so it was judged by the static rules alone";
        };
    }

    /**
     * {@code n} with a comma between groups of three digits, as {@code String.format(Locale.ROOT, "%,d", n)} writes
     * it, without the Formatter (whose format-string regex costs the runtime guard's first judgement).
     */
    static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3).append(digits, 0, sign);
        for (int i = sign; i < digits.length(); i++) {
            if (i > sign && (digits.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }
}
