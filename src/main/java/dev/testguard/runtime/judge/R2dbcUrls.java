package dev.testguard.runtime.judge;

import java.util.Locale;
import java.util.Map;

/** The JDBC URL naming the database an R2DBC connection factory's options name, for the shared rules. */
final class R2dbcUrls {

    private R2dbcUrls() {
    }

    /** @return the JDBC form, or null when the driver is unknown */
    static String toJdbc(Map<String, String> options) {
        String driver = lower(options.get("driver"));
        String protocol = options.get("protocol");
        if (("pool".equals(driver) || "proxy".equals(driver)) && protocol != null && !protocol.isBlank()) {
            String[] parts = protocol.split(":", 2);
            driver = lower(parts[0]);
            protocol = parts.length > 1 ? parts[1] : null;
        }
        if (driver == null) {
            return null;
        }
        String host = options.get("host");
        String port = options.get("port");
        String database = options.getOrDefault("database", "");
        String server = (host == null ? "" : host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (port == null ? "" : ":" + port);
        switch (driver) {
            case "postgresql":
            case "postgres":
                return "jdbc:postgresql://" + server + "/" + database;
            case "mysql":
            case "mariadb":
                return "jdbc:" + driver + "://" + server + "/" + database;
            case "mssql":
            case "sqlserver":
                return "jdbc:sqlserver://" + server + ";databaseName=" + database;
            case "h2":
                return "jdbc:h2:" + (protocol == null ? "mem" : lower(protocol)) + ":" + database;
            case "oracle":
                return "jdbc:oracle:thin:@//" + server + "/" + database;
            default:
                return null;
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
