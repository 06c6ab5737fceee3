package dev.testguard.jdbc;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks the occurrences of a known password in free text (a server's or a tool's message) that are plausibly that
 * password. Replacing every occurrence corrupts messages and tells the secret: with the password {@code owner},
 * {@code user 'app_owner'} would become {@code user 'app_****'}. So only whole occurrences count (never a piece of
 * a longer word or identifier); a strong password is masked wherever it stands alone, while a short or simple one
 * (and one equal to the user name or another identifier, which masking would point at) only where the text says
 * it is a password ({@code password=owner}, {@code password: 'owner'}). Elsewhere such a password is an ordinary
 * word of the message, and hiding that word would say which word the password is.
 */
final class KnownSecrets {

    /** The text just before a password: a secret key, an optional quote, a separator, an optional opening quote. */
    private static final Pattern SECRET_CONTEXT = Pattern.compile(
            "(?i)(?:password|passwd|pwd|pass|secret|token)[\\w.-]*[\"']?\\s*(?:=|:|\\s)\\s*[\"'{(]?$");
    private static final int CONTEXT = 48;
    private static final int STRONG_LENGTH = 8;
    private static final int MIXED_LENGTH = 6;

    private KnownSecrets() {
    }

    static String mask(String text, String secret, Collection<String> identifiers) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        boolean anywhere = isStrong(secret) && !isIdentifier(secret, identifiers);
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            if (at < pos || !standsAlone(text, at, at + secret.length())) {
                continue;
            }
            if (anywhere || inSecretContext(text, at)) {
                sb.append(text, pos, at).append(Secrets.MASK);
                pos = at + secret.length();
            }
        }
        return sb.append(text.substring(pos)).toString();
    }

    /** Long, or of mixed kinds of characters: unlikely to be an ordinary word of a message. */
    static boolean isStrong(String secret) {
        if (secret.strip().length() >= STRONG_LENGTH) {
            return true;
        }
        int kinds = (secret.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (secret.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (secret.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (secret.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        return secret.length() >= MIXED_LENGTH && kinds >= 2;
    }

    /** Equal to or part of a user name, database name or other identifier the message may name. */
    private static boolean isIdentifier(String secret, Collection<String> identifiers) {
        String lower = secret.toLowerCase(Locale.ROOT);
        for (String identifier : identifiers) {
            if (identifier != null && !identifier.isEmpty() && identifier.toLowerCase(Locale.ROOT).contains(lower)) {
                return true;
            }
        }
        return false;
    }

    /** Not a piece of a longer word: no identifier character glued to either end. */
    private static boolean standsAlone(String text, int start, int end) {
        boolean before = start > 0 && isWordChar(text.charAt(start - 1)) && isWordChar(text.charAt(start));
        boolean after = end < text.length() && isWordChar(text.charAt(end)) && isWordChar(text.charAt(end - 1));
        return !before && !after;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static boolean inSecretContext(String text, int at) {
        return SECRET_CONTEXT.matcher(text.substring(Math.max(0, at - CONTEXT), at)).find();
    }
}
