package dev.testguard.reset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names of a database's companions: its baseline {@code <name>__tgbase} (and, on PostgreSQL, the spare copy
 * {@code <name>__tgspare} and the database being thrown away {@code <name>__tgtrash}), shortened with a hash to fit
 * the server's limit.
 */
final class BaselineNames {

    static final String SUFFIX = "__tgbase";

    private BaselineNames() {
    }

    static String of(String database, int maxLength) {
        return of(database, SUFFIX, maxLength);
    }

    /** {@code <database><suffix>}, shortened with a hash of the database name to fit {@code maxLength} bytes. */
    static String of(String database, String suffix, int maxLength) {
        String name = database + suffix;
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxLength) {
            return name;
        }
        String hash = hash(database);
        int keep = maxLength - suffix.length() - hash.length() - 1;
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < database.length() && prefix.length() < keep; i++) {
            char c = database.charAt(i);
            prefix.append(c < 128 ? c : '_');
        }
        return prefix + "_" + hash + suffix;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
