package dev.testguard.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks credentials in URLs and free text. Everything testguard prints, writes or throws goes through here first,
 * so a password can never reach a log, report, manifest or exception.
 *
 * <p>A URL is masked by parsing it ({@link UrlMasker}): its vendor's parser says where the password and the secret
 * parameters are, whatever characters they hold; a URL that cannot be parsed loses everything after its scheme when
 * it may hold a secret. Free text is searched for URLs, each masked the same way, then for credentials written
 * outside URLs ({@link FreeTextMasker}). A known password is masked only where it plausibly stands
 * ({@link KnownSecrets}).
 */
public final class Secrets {

    public static final String MASK = "****";

    private Secrets() {
    }

    /**
     * The URL with every credential replaced by {@value #MASK}. A text that begins with a URL is read as that one
     * URL (its password may hold spaces); any other text is searched for URLs.
     */
    public static String maskUrl(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (FreeTextMasker.startsWithUrl(text)) {
            return FreeTextMasker.patterns(UrlMasker.maskWhole(text));
        }
        return FreeTextMasker.mask(text);
    }

    /** {@link #maskUrl(String)}, then every plausible occurrence of a known secret, in free text such as tool output. */
    public static String maskText(String text, String... knownSecrets) {
        return maskKnown(text, List.of(), knownSecrets);
    }

    /** As {@link #maskText(String, String...)} for one login: its user name is never masked nor pointed at. */
    public static String maskText(String text, Credentials credentials) {
        if (credentials == null) {
            return maskUrl(text);
        }
        List<String> identifiers = new ArrayList<>();
        identifiers.add(credentials.username());
        return maskKnown(text, identifiers, credentials.password());
    }

    private static String maskKnown(String text, List<String> identifiers, String... knownSecrets) {
        if (text == null) {
            return null;
        }
        // before the URLs too: masking a URL first may cut a password holding a space in two, and hide it no more
        String out = text;
        for (String secret : knownSecrets) {
            out = KnownSecrets.mask(out, secret, identifiers);
        }
        out = maskUrl(out);
        for (String secret : knownSecrets) {
            out = KnownSecrets.mask(out, secret, identifiers);
        }
        return out;
    }
}
