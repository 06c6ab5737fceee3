package dev.testguard.jdbc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one R2DBC reader: an R2DBC URL ({@code r2dbc:postgresql://user@host:5432/db}, {@code r2dbc:pool:mysql://...},
 * {@code r2dbc:h2:mem:///db}) or a connection factory's options, turned into the JDBC URL naming the same database,
 * so that {@link JdbcUrlParser} and its effective-target resolution judge it like any JDBC URL. The JDBC form never
 * carries the credentials: they come back separately.
 */
public final class R2dbcUrls {

    private R2dbcUrls() {
    }

    /** True for {@code r2dbc:} and {@code r2dbcs:} values. */
    public static boolean isR2dbc(String value) {
        String v = value == null ? "" : value.strip();
        return UrlText.startsWithIgnoreCase(v, "r2dbc:") || UrlText.startsWithIgnoreCase(v, "r2dbcs:");
    }

    /** The JDBC form of an R2DBC URL and the credentials it carried; empty when it is none or names an unknown driver. */
    public static Optional<UrlStyle.Converted> toJdbc(String r2dbcUrl) {
        if (!isR2dbc(r2dbcUrl)) {
            return Optional.empty();
        }
        Map<String, String> options = R2dbcUrlReader.options(r2dbcUrl.strip());
        String jdbc = toJdbc(options);
        return jdbc == null ? Optional.empty()
                : Optional.of(new UrlStyle.Converted(jdbc, new Credentials(options.get("user"), options.get("password"))));
    }

    /** @return the JDBC form of a connection factory's options ({@code driver}, {@code protocol}, {@code host}...), or null when the driver is unknown */
    public static String toJdbc(Map<String, String> options) {
        Map<String, String> o = new LinkedHashMap<>(options);
        String driver = lower(o.get("driver"));
        String protocol = o.get("protocol");
        if (("pool".equals(driver) || "proxy".equals(driver)) && protocol != null && !protocol.isBlank()) {
            String[] parts = protocol.split(":", 2);
            driver = lower(parts[0]);
            protocol = parts.length > 1 ? parts[1] : null;
        }
        if (driver == null) {
            return null;
        }
        String database = o.getOrDefault("database", "");
        String server = server(o.get("host"), o.get("port"));
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
                return h2(lower(protocol), server, database);
            case "oracle":
                return "jdbc:oracle:thin:@//" + server + "/" + database;
            default:
                return null;
        }
    }

    private static String h2(String protocol, String server, String database) {
        if (protocol == null || protocol.equals("mem")) {
            return "jdbc:h2:mem:" + database;
        }
        if (protocol.equals("tcp") || protocol.equals("ssl")) {
            return "jdbc:h2:" + protocol + "://" + server + "/" + database;
        }
        return "jdbc:h2:" + protocol + ":" + database;
    }

    private static String server(String host, String port) {
        if (host == null) {
            return port == null ? "" : ":" + port;
        }
        boolean bareIpv6 = host.contains(":") && !host.startsWith("[") && !host.contains(",");
        return (bareIpv6 ? "[" + host + "]" : host) + (port == null ? "" : ":" + port);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
