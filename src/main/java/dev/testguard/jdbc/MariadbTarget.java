package dev.testguard.jdbc;

import java.util.Map;

/**
 * The database MariaDB Connector/J 3 ({@code Configuration.parseInternal}) connects to: the path up to '?', as
 * written (not decoded, not trimmed), unless a {@code database} parameter or connection property (any case)
 * names one; URL parameters are not decoded either. testguard itself opens {@code jdbc:mariadb:} URLs with MySQL
 * Connector/J, so both drivers must read the same target, or the URL is ambiguous.
 */
final class MariadbTarget {

    private static final String MARIADB = "jdbc:mariadb:";

    private MariadbTarget() {
    }

    static JdbcUrl resolve(JdbcUrl written, Map<String, String> properties) {
        String url = written.raw();
        String mysqlUrl = "jdbc:mysql:" + url.substring(MARIADB.length());
        ConnectorJTarget.Target connectorJ = ConnectorJTarget.resolve(written, mysqlUrl, properties);
        String mariadb = database(url, properties);
        if (!java.util.Objects.equals(mariadb, connectorJ.database())) {
            throw Ambiguity.of(url, "MariaDB Connector/J reads the database as " + quoted(mariadb)
                    + " but MySQL Connector/J (which testguard's own goals use) reads it as "
                    + quoted(connectorJ.database()) + ". Write the database once, in the path, without percent "
                    + "escapes, '+' or '#'");
        }
        if (!connectorJ.hosts().equals(written.hosts())) {
            throw Ambiguity.of(url, "MariaDB Connector/J connects to " + written.hosts() + " but MySQL Connector/J "
                    + "(which testguard's own goals use) to " + connectorJ.hosts() + ". Name host and port once, in "
                    + "the host list");
        }
        return new JdbcUrl(url, written.vendor(), written.storage(), connectorJ.hosts(), written.unixSocket(),
                mariadb, written.filePath(), written.parameters(), connectorJ.user(), written.password());
    }

    private static String database(String url, Map<String, String> properties) {
        Claims database = new Claims(url, "the database");
        String second = url.substring(url.indexOf("//") + 2);
        int skip = skipAddresses(second);
        int slash = second.indexOf('/', skip);
        int question = second.indexOf('?');
        String after = slash >= 0 && (question < 0 || slash < question) ? second.substring(slash)
                : question >= 0 ? second.substring(question) : "";
        int opt = after.indexOf('?');
        String path = after.startsWith("/") ? after.substring(1, opt < 0 ? after.length() : opt) : "";
        database.add("the path", path.isEmpty() ? null : path);
        if (opt >= 0) {
            for (String parameter : after.substring(opt + 1).split("&")) {
                int eq = parameter.indexOf('=');
                if (eq > 0 && parameter.substring(0, eq).equalsIgnoreCase("database") && eq < parameter.length() - 1) {
                    database.add("the parameter " + parameter.substring(0, eq), parameter.substring(eq + 1));
                }
            }
        }
        properties.forEach((key, value) -> {
            if (key.equalsIgnoreCase("database") && value != null && !value.isEmpty()) {
                database.add("the connection property " + key, value);
            }
        });
        return database.agreed();
    }

    /** MariaDB skips {@code address=(...)(...)} specs before looking for the path's '/'. */
    private static int skipAddresses(String s) {
        int pos = 0;
        int found;
        while ((found = s.indexOf("address=(", pos)) > -1) {
            pos = s.indexOf(')', found) + 1;
            while (s.startsWith("(", pos)) {
                int close = s.indexOf(')', pos);
                if (close == -1) {
                    break;
                }
                pos = close + 1;
            }
        }
        return pos;
    }

    private static String quoted(String s) {
        return s == null ? "none (the server default)" : "'" + s + "'";
    }
}
