package dev.testguard.runtime.judge;

import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a connection factory built directly (not by {@code ConnectionFactories}) connects to, read by reflection
 * from the vendor's configuration object: r2dbc-postgresql's {@code PostgresqlConnectionFactory} and r2dbc-mariadb's
 * {@code MariadbConnectionFactory} (and those of r2dbc-h2, r2dbc-mssql and r2dbc-mysql: {@link R2dbcVendorTargets}),
 * as the options {@code ConnectionFactories} would have had (driver, host, port, database, user, password). A factory that only delegates (r2dbc-pool, r2dbc-proxy, Spring's wrappers, any
 * {@code io.r2dbc.spi.Wrapped} one, a Mockito mock) connects through another factory, whose own {@code create()} is
 * judged.
 */
final class R2dbcTargets {

    static final String POSTGRESQL = "io.r2dbc.postgresql.PostgresqlConnectionFactory";
    static final String MARIADB = "org.mariadb.r2dbc.MariadbConnectionFactory";
    private static final String[] DELEGATING = {"io.r2dbc.pool.", "io.r2dbc.proxy.", "org.springframework.r2dbc."};

    private R2dbcTargets() {
    }

    /** The factory another one wraps ({@code io.r2dbc.spi.Wrapped#unwrap}), or null. */
    static Object wrapped(Object factory) {
        try {
            Class<?> wrapped = Class.forName("io.r2dbc.spi.Wrapped", false, factory.getClass().getClassLoader());
            if (!wrapped.isInstance(factory)) {
                return null;
            }
            Object inner = wrapped.getMethod("unwrap").invoke(factory);
            return inner != factory && R2dbcFactory.spiLoader(inner) != null ? inner : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** Whether the factory connects only through another factory (or never connects: a mock). */
    static boolean delegates(Object factory) {
        String name = factory.getClass().getName();
        for (String prefix : DELEGATING) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return name.contains("$MockitoMock$") || wrapped(factory) != null;
    }

    /**
     * @throws IllegalArgumentException the guard cannot tell where this factory connects (the message says why)
     * @throws SQLException             its user name or password publisher failed
     */
    static Map<String, String> options(Object factory, long deadline) throws SQLException {
        String type = factory.getClass().getName();
        try {
            if (type.equals(POSTGRESQL)) {
                return postgresql(field(factory, "configuration"), deadline);
            }
            if (type.equals(MARIADB)) {
                return mariadb(field(factory, "configuration"));
            }
            Map<String, String> options = R2dbcVendorTargets.options(factory, deadline);
            if (options != null) {
                return options;
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new IllegalArgumentException("its configuration is not what the guard expects (" + e + ")", e);
        }
        throw new IllegalArgumentException("the guard reads the configuration of the factories of r2dbc-postgresql, "
                + "r2dbc-mariadb, r2dbc-mysql, r2dbc-mssql and r2dbc-h2 only, not of " + type);
    }

    private static Map<String, String> postgresql(Object configuration, long deadline)
            throws ReflectiveOperationException, SQLException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("driver", "postgresql");
        Object single = field(configuration, "singleHostConfiguration");
        if (single != null) {
            server(options, (String) field(single, "host"), field(single, "port"), field(single, "socket"));
        } else {
            List<String> hosts = new ArrayList<>();
            for (Object host : (List<?>) field(field(configuration, "multiHostConfiguration"), "hosts")) {
                hosts.add(field(host, "host") + ":" + field(host, "port"));
            }
            options.put("host", String.join(",", hosts));
        }
        put(options, "database", field(configuration, "database"));
        put(options, "user", first(field(configuration, "username"), deadline));
        put(options, "password", first(field(configuration, "password"), deadline));
        return options;
    }

    private static Map<String, String> mariadb(Object configuration) throws ReflectiveOperationException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("driver", "mariadb");
        List<?> addresses = (List<?>) field(configuration, "hostAddresses");
        if (addresses == null || addresses.isEmpty()) {
            server(options, null, field(configuration, "port"), field(configuration, "socket"));
        } else if (addresses.size() == 1) {
            server(options, (String) field(addresses.get(0), "host"), field(addresses.get(0), "port"), null);
        } else {
            List<String> hosts = new ArrayList<>();
            for (Object address : addresses) {
                hosts.add(field(address, "host") + ":" + field(address, "port"));
            }
            options.put("host", String.join(",", hosts));
        }
        put(options, "database", field(configuration, "database"));
        put(options, "user", field(configuration, "username"));
        put(options, "password", field(configuration, "password"));
        return options;
    }

    /** A Unix socket reaches the server on this machine. */
    static void server(Map<String, String> options, String host, Object port, Object socket) {
        options.put("host", host != null ? host : socket != null ? "localhost" : null);
        put(options, "port", port);
        if (options.get("host") == null) {
            throw new IllegalArgumentException("it names neither a host nor a socket");
        }
    }

    static void put(Map<String, String> options, String key, Object value) {
        if (value != null) {
            options.put(key, value.toString());
        }
    }

    /** The one value of a configuration's {@code Publisher} (r2dbc-postgresql's user name and password). */
    static Object first(Object publisher, long deadline) throws SQLException {
        if (publisher == null) {
            return null;
        }
        try {
            Await.Reactive reactive = Await.Reactive.of(publisher.getClass().getClassLoader());
            List<Object> values = Await.all(publisher, reactive, deadline, null);
            return values.isEmpty() ? null : values.get(0);
        } catch (ReflectiveOperationException e) {
            throw new SQLException("cannot read a publisher of the configuration: " + e, e);
        }
    }

    static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    return f.get(target);
                }
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name);
    }
}
