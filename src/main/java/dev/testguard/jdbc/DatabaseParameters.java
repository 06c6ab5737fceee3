package dev.testguard.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The URL parameters that name a database beside the path: PgJDBC's {@code PGDBNAME} and {@code dbname} (any
 * case), Connector/J's {@code dbname} and MariaDB Connector/J's {@code database} (any case). A URL rewritten to
 * name another database in its path must lose them, or the driver would still open the old one.
 */
public final class DatabaseParameters {

    private DatabaseParameters() {
    }

    /** {@code raw} without the parameters that name a database for {@code vendor}'s drivers. */
    public static String without(String raw, Vendor vendor) {
        int question = raw.indexOf('?');
        if (question < 0 || vendor != Vendor.POSTGRESQL && !vendor.isMysqlFamily()) {
            return raw;
        }
        int fragment = vendor == Vendor.POSTGRESQL ? -1 : raw.indexOf('#', question);
        String query = raw.substring(question + 1, fragment < 0 ? raw.length() : fragment);
        List<String> kept = new ArrayList<>();
        for (String token : query.split("&")) {
            if (!token.isEmpty() && !namesDatabase(token, vendor)) {
                kept.add(token);
            }
        }
        return raw.substring(0, question) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private static boolean namesDatabase(String token, Vendor vendor) {
        int eq = token.indexOf('=');
        String key = eq < 0 ? token : token.substring(0, eq);
        if (vendor == Vendor.POSTGRESQL) {
            return key.equals("PGDBNAME") || key.equalsIgnoreCase("dbname");
        }
        String decoded = UrlText.decodeQuery(key).trim().toLowerCase(Locale.ROOT);
        return decoded.equals("dbname") || decoded.equals("database");
    }
}
