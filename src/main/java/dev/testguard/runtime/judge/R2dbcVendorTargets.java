package dev.testguard.runtime.judge;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The targets of directly built factories of r2dbc-h2 ({@code H2ConnectionFactory}, whose configuration sits in the
 * supplier of its client {@code Mono}, and the closeable in-memory one), r2dbc-mssql ({@code MssqlConnectionFactory})
 * and io.asyncer's r2dbc-mysql ({@code MySqlConnectionFactory}), read by reflection as {@link R2dbcTargets} reads
 * PostgreSQL's and MariaDB's: the options {@code ConnectionFactories} would have had.
 */
final class R2dbcVendorTargets {

    static final String H2 = "io.r2dbc.h2.H2ConnectionFactory";
    static final String H2_CLOSEABLE = "io.r2dbc.h2.H2ConnectionFactory$DefaultCloseableConnectionFactory";
    static final String MSSQL = "io.r2dbc.mssql.MssqlConnectionFactory";
    static final String MYSQL = "io.asyncer.r2dbc.mysql.MySqlConnectionFactory";
    private static final String H2_CONFIGURATION = "io.r2dbc.h2.H2ConnectionConfiguration";

    private R2dbcVendorTargets() {
    }

    /** @return the options, or null when the factory is of none of these drivers */
    static Map<String, String> options(Object factory, long deadline)
            throws ReflectiveOperationException, SQLException {
        switch (factory.getClass().getName()) {
            case H2:
            case H2_CLOSEABLE:
                Object configuration = find(factory, H2_CONFIGURATION, 4);
                if (configuration == null) {
                    throw new NoSuchFieldException("no " + H2_CONFIGURATION + " in " + factory.getClass().getName());
                }
                return h2(configuration);
            case MSSQL:
                return mssql(R2dbcTargets.field(factory, "configuration"));
            case MYSQL:
                return mysql(R2dbcTargets.field(factory, "configuration"), deadline);
            default:
                return null;
        }
    }

    /** H2's URL without {@code jdbc:h2:} ({@code mem:x}, {@code file:/x}, {@code tcp://host:port/x}, {@code ~/x}). */
    private static Map<String, String> h2(Object configuration) throws ReflectiveOperationException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("driver", "h2");
        String url = (String) R2dbcTargets.field(configuration, "url");
        int colon = url.indexOf(':');
        String protocol = colon > 1 && url.substring(0, colon).chars().allMatch(Character::isLetter)
                ? url.substring(0, colon) : null;
        String rest = protocol == null ? url : url.substring(colon + 1);
        if ("tcp".equalsIgnoreCase(protocol) || "ssl".equalsIgnoreCase(protocol)) {
            String path = rest.startsWith("//") ? rest.substring(2) : rest;
            int slash = path.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("its H2 server URL names no database");
            }
            String server = path.substring(0, slash);
            int port = server.lastIndexOf(':');
            options.put("host", port < 0 ? server : server.substring(0, port));
            R2dbcTargets.put(options, "port", port < 0 ? null : server.substring(port + 1));
            rest = path.substring(slash + 1);
        }
        options.put("protocol", protocol == null ? "file" : protocol);
        options.put("database", rest);
        R2dbcTargets.put(options, "user", R2dbcTargets.field(configuration, "username"));
        R2dbcTargets.put(options, "password", R2dbcTargets.field(configuration, "password"));
        return options;
    }

    private static Map<String, String> mssql(Object configuration) throws ReflectiveOperationException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("driver", "mssql");
        R2dbcTargets.server(options, (String) R2dbcTargets.field(configuration, "host"),
                R2dbcTargets.field(configuration, "port"), null);
        R2dbcTargets.put(options, "database", R2dbcTargets.field(configuration, "database"));
        R2dbcTargets.put(options, "user", R2dbcTargets.field(configuration, "username"));
        R2dbcTargets.put(options, "password", R2dbcTargets.field(configuration, "password"));
        return options;
    }

    /** {@code domain} is the host, or the Unix socket's path when {@code isHost} is false. */
    private static Map<String, String> mysql(Object configuration, long deadline)
            throws ReflectiveOperationException, SQLException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("driver", "mysql");
        boolean isHost = (Boolean) R2dbcTargets.field(configuration, "isHost");
        Object domain = R2dbcTargets.field(configuration, "domain");
        R2dbcTargets.server(options, isHost ? (String) domain : null, isHost ? R2dbcTargets.field(configuration,
                "port") : null, isHost ? null : domain);
        R2dbcTargets.put(options, "database", R2dbcTargets.field(configuration, "database"));
        R2dbcTargets.put(options, "user", R2dbcTargets.field(configuration, "user"));
        Object password = R2dbcTargets.field(configuration, "password");
        R2dbcTargets.put(options, "password", password != null ? password
                : R2dbcTargets.first(R2dbcTargets.field(configuration, "passwordPublisher"), deadline));
        return options;
    }

    /** The first object of that class among the fields of {@code root}, depth first to {@code depth} fields deep. */
    private static Object find(Object root, String type, int depth) throws IllegalAccessException {
        if (root == null || root.getClass().getName().equals(type)) {
            return root;
        }
        if (depth == 0 || root.getClass().getName().startsWith("java.")) {
            return null;
        }
        for (Class<?> c = root.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || !f.trySetAccessible()) {
                    continue;
                }
                Object found = find(f.get(root), type, depth - 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
