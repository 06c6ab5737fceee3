package dev.testguard.jdbc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A driver's sub-protocol and what may follow it before the connection part ({@code jdbc:mysql+srv:replication:},
 * {@code jdbc:oracle:thin:}): whether a URL starts with it, and where it ends.
 */
final class UrlPrefix {

    private final Pattern pattern;

    UrlPrefix(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    boolean accepts(String url) {
        return pattern.matcher(url).lookingAt();
    }

    /** Where the prefix ends, or -1 when the URL does not start with it. */
    int end(String url) {
        Matcher m = pattern.matcher(url);
        return m.lookingAt() ? m.end() : -1;
    }

    /** The matched prefix (its groups name the driver's variant), or a failure saying how to write the URL. */
    Matcher require(String url, String howToWriteIt) {
        Matcher m = pattern.matcher(url);
        if (!m.lookingAt()) {
            throw UrlText.fail(url, howToWriteIt);
        }
        return m;
    }
}
