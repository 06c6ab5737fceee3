package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves {@code ${name}}, {@code ${name:default}} and nested {@code ${a:${b:x}}} placeholders the way
 * Spring, Quarkus and Micronaut do. {@code \${} is a literal {@code ${}, an unterminated {@code ${} stays as
 * written, and a cycle ({@code a=${b}}, {@code b=${a}}) counts as unresolvable instead of looping.
 * Values found through the lookup are resolved in turn.
 */
public final class PlaceholderResolver {

    /** The resolved text, and the names of the placeholders nothing could resolve (in order, no repeats). */
    public record Result(String value, List<String> unresolved) {
        public Result {
            unresolved = List.copyOf(unresolved);
        }

        public boolean isResolved() {
            return unresolved.isEmpty();
        }
    }

    /** Placeholders expanded for one value; a real one needs a handful, a placeholder bomb needs billions. */
    static final int MAX_EXPANSIONS = 10_000;
    /** Length of one resolved value. */
    static final int MAX_LENGTH = 1 << 20;

    private final Function<String, String> lookup;
    private int expansions;

    /** @param lookup the raw value of a name, or null when nothing defines it */
    public PlaceholderResolver(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public Result resolve(String text) {
        if (text == null) {
            return new Result(null, List.of());
        }
        Set<String> unresolved = new LinkedHashSet<>();
        expansions = 0;
        String value = resolve(text, new HashSet<>(), unresolved);
        return new Result(value, new ArrayList<>(unresolved));
    }

    private String resolve(String text, Set<String> visiting, Set<String> unresolved) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && text.startsWith("${", i + 1)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (c == '$' && text.startsWith("${", i)) {
                int end = findClosing(text, i + 2);
                if (end < 0) {
                    out.append(text, i, text.length());
                    break;
                }
                out.append(resolvePlaceholder(text.substring(i + 2, end), visiting, unresolved));
                checkBounds(out);
                i = end + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private void checkBounds(StringBuilder out) {
        if (++expansions > MAX_EXPANSIONS || out.length() > MAX_LENGTH) {
            throw new ConfigFileException("refused, its placeholders expand to more than " + MAX_EXPANSIONS
                    + " placeholders or " + (MAX_LENGTH >> 20) + " MiB (a placeholder bomb?). Write the value out.");
        }
    }

    private String resolvePlaceholder(String body, Set<String> visiting, Set<String> unresolved) {
        int colon = findDefaultSeparator(body);
        String name = resolve(colon < 0 ? body : body.substring(0, colon), visiting, unresolved).trim();
        String fallback = colon < 0 ? null : body.substring(colon + 1);
        String raw = visiting.contains(name) ? null : lookup.apply(name);
        if (raw != null) {
            visiting.add(name);
            try {
                // a defined value wins even when it holds unresolvable placeholders itself (as in Spring)
                return resolve(raw, visiting, unresolved);
            } finally {
                visiting.remove(name);
            }
        }
        if (fallback != null) {
            return resolve(fallback, visiting, unresolved);
        }
        unresolved.add(name);
        return "${" + body + "}";
    }

    /** Index of the '}' closing a placeholder whose body starts at {@code from}, or -1. */
    private static int findClosing(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** First ':' outside nested placeholders. */
    private static int findDefaultSeparator(String body) {
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.startsWith("${", i)) {
                depth++;
                i++;
            } else if (body.charAt(i) == '}') {
                depth--;
            } else if (body.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
