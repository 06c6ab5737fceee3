package dev.testguard.jdbc;

import java.util.Map;

/**
 * Vendors whose URL carries {@code ;key=value} settings that may name the database again: SQL Server
 * ({@code databaseName}/{@code database}, {@code serverName}, {@code portNumber}/{@code port}, keys in any case)
 * and Derby ({@code databaseName}). Two of these, or the URL and a connection property, naming different values
 * make the URL ambiguous; a connection property fills in what the URL leaves out.
 */
final class SettingsTarget {

    private SettingsTarget() {
    }

    static JdbcUrl sqlServer(JdbcUrl written, Map<String, String> properties) {
        String url = written.raw();
        Claims database = new Claims(url, "the database");
        String path = jtdsPath(url);
        database.add("the path", path);
        claimAll(database, written.parameters(), "the setting ", "databaseName", "database");
        claimAll(database, properties, "the connection property ", "databaseName", "database");
        String server = hostOf(url);
        Claims host = new Claims(url, "the host");
        host.add("the host list", server);
        claimAll(host, written.parameters(), "the setting ", "serverName", "server");
        claimAll(host, properties, "the connection property ", "serverName");
        host.agreed();
        return withDatabase(written, database.agreed());
    }

    static JdbcUrl derby(JdbcUrl written, Map<String, String> properties) {
        if (written.databaseName() == null && written.filePath() == null) {
            return written;
        }
        Claims database = new Claims(written.raw(), "the database");
        database.add("the path", UrlText.lastSegment(written.filePath() != null ? written.filePath() : written.databaseName()));
        for (Map.Entry<String, String> e : written.parameters().entrySet()) {
            if (e.getKey().equalsIgnoreCase("databaseName")) {
                database.add("the attribute " + e.getKey(), UrlText.lastSegment(e.getValue()));
            }
        }
        database.agreed();
        return written;
    }

    private static void claimAll(Claims claims, Map<String, String> values, String origin, String... keys) {
        values.forEach((key, value) -> {
            for (String wanted : keys) {
                if (key.equalsIgnoreCase(wanted) && value != null && !value.isEmpty()) {
                    claims.add(origin + key, value);
                }
            }
        });
    }

    /** jTDS {@code //host:port/db;...}: the database after the host. */
    private static String jtdsPath(String url) {
        if (!UrlText.startsWithIgnoreCase(url, SqlServerUrls.JTDS_PREFIX)) {
            return null;
        }
        String rest = url.substring(SqlServerUrls.JTDS_PREFIX.length() + 2);
        int semicolon = rest.indexOf(';');
        String server = semicolon < 0 ? rest : rest.substring(0, semicolon);
        int slash = server.indexOf('/');
        return slash < 0 || slash == server.length() - 1 ? null : server.substring(slash + 1);
    }

    /** The host written before the settings, without instance and port; null when none is written. */
    private static String hostOf(String url) {
        boolean jtds = UrlText.startsWithIgnoreCase(url, SqlServerUrls.JTDS_PREFIX);
        String rest = url.substring((jtds ? SqlServerUrls.JTDS_PREFIX : SqlServerUrls.PREFIX).length() + 2);
        int end = UrlText.indexOfAny(rest, ";/\\:", 0);
        String host = rest.substring(0, end);
        return host.isEmpty() ? null : host;
    }

    private static JdbcUrl withDatabase(JdbcUrl w, String database) {
        return new JdbcUrl(w.raw(), w.vendor(), w.storage(), w.hosts(), w.unixSocket(), database, w.filePath(),
                w.parameters(), w.user(), w.password());
    }
}
