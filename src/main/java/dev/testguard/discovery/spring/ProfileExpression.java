package dev.testguard.discovery.spring;

import java.util.Collection;

/**
 * Spring's profile expressions as used by {@code spring.config.activate.on-profile}: a profile name,
 * {@code !p}, {@code a & b}, {@code a | b} and parentheses. A comma-separated list matches when any item does.
 */
final class ProfileExpression {

    private final String text;
    private final Collection<String> active;
    private int pos;

    private ProfileExpression(String text, Collection<String> active) {
        this.text = text;
        this.active = active;
    }

    static boolean matches(String expressions, Collection<String> activeProfiles) {
        for (String item : expressions.split(",")) {
            if (!item.isBlank() && new ProfileExpression(item.trim(), activeProfiles).parse()) {
                return true;
            }
        }
        return false;
    }

    private boolean parse() {
        boolean value = or();
        return value;
    }

    private boolean or() {
        boolean value = and();
        while (peek('|')) {
            pos++;
            value = and() | value;
        }
        return value;
    }

    private boolean and() {
        boolean value = unary();
        while (peek('&')) {
            pos++;
            value = unary() & value;
        }
        return value;
    }

    private boolean unary() {
        skipSpaces();
        if (peek('!')) {
            pos++;
            return !unary();
        }
        if (peek('(')) {
            pos++;
            boolean value = or();
            if (peek(')')) {
                pos++;
            }
            return value;
        }
        int start = pos;
        while (pos < text.length() && "!&|() ".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String profile = text.substring(start, pos);
        skipSpaces();
        return !profile.isEmpty() && active.contains(profile);
    }

    private boolean peek(char c) {
        skipSpaces();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }
}
