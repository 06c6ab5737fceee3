package dev.testguard.runtime.agent.bootstrap;

import java.util.List;

/**
 * The one list of the types the guard weaves: drivers, data sources (plain, XA, pooled, and pooled connections) and
 * R2DBC connection factories, plus R2DBC's {@code ConnectionFactories} and the {@link #URL_MASKED} data sources.
 * Judged by type names along the loaded hierarchy, so nothing is loaded to check; used at run time by
 * {@link WovenCalls} (a woven method runs its hooks only in a class of one of these types) and at premain by
 * {@link LoadedCandidates}.
 */
public final class WovenTypes {

    public static final int DRIVER = 1;
    public static final int DATA_SOURCE = 2;
    public static final int R2DBC_FACTORY = 4;
    public static final String R2DBC_FACTORIES = "io.r2dbc.spi.ConnectionFactories";
    /**
     * MariaDB Connector/J's data sources, whose {@code setUrl(String)}, {@code (String)} constructor and private
     * {@code config()} (which parses the URL for the later calls) throw the driver's own exception showing the URL,
     * password included: woven to mask it.
     */
    public static final List<String> URL_MASKED = List.of("org.mariadb.jdbc.MariaDbDataSource",
            "org.mariadb.jdbc.MariaDbPoolDataSource");
    /**
     * The one list of connection pools the guard does not weave: their {@code getConnection} hands out connections
     * the pool opened through a woven path only (a driver's {@code connect}, or the data source it was given, woven
     * like any other, or a vendor's woven data source named by class), where each physical connection is judged and
     * counted, so a borrow runs the pool's code alone. Their borrows are not counted; a subclass that declares its
     * own {@code getConnection}, or a user's data source around the pool, is woven as usual.
     */
    public static final List<String> UNWOVEN_POOLS = List.of("com.zaxxer.hikari.HikariDataSource",
            "com.zaxxer.hikari.pool.HikariPool", "org.apache.commons.dbcp2.BasicDataSource",
            "org.apache.commons.dbcp2.PoolingDataSource");
    /** The same names as the class file spells them ({@code org/mariadb/...}). */
    public static final String R2DBC_FACTORIES_INTERNAL = internal(R2DBC_FACTORIES);
    public static final List<String> URL_MASKED_INTERNAL = List.of(internal(URL_MASKED.get(0)),
            internal(URL_MASKED.get(1)));
    public static final List<String> UNWOVEN_POOLS_INTERNAL = internal(UNWOVEN_POOLS);
    /** The woven methods' shapes, read by the class-file prefilter and by the weaver alike. */
    public static final String CONNECT = "connect";
    public static final String CONNECT_ARGUMENTS = "(Ljava/lang/String;Ljava/util/Properties;)";
    public static final List<String> DATA_SOURCE_METHODS = List.of("getConnection", "getXAConnection",
            "getPooledConnection");
    public static final String CREATE = "create";
    public static final List<String> CREATE_DESCRIPTORS = List.of("()Lorg/reactivestreams/Publisher;",
            "()Lreactor/core/publisher/Mono;", "()Lreactor/core/publisher/Flux;");
    private static final String[] NAMES = {"java.sql.Driver", "javax.sql.DataSource", "javax.sql.XADataSource",
        "javax.sql.ConnectionPoolDataSource", "javax.sql.PooledConnection", "io.r2dbc.spi.ConnectionFactory"};
    private static final int[] KINDS = {DRIVER, DATA_SOURCE, DATA_SOURCE, DATA_SOURCE, DATA_SOURCE, R2DBC_FACTORY};
    private static final ClassValue<Integer> OF = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            return type.isInterface() ? 0 : kindsOf(type);
        }
    };

    private WovenTypes() {
    }

    /** Whether {@code type}, a class (never an interface), is of the woven {@code kind} (one of the constants). */
    public static boolean is(Class<?> type, int kind) {
        return (OF.get(type) & kind) != 0;
    }

    /** Whether the guard weaves {@code type} at all (its methods are picked by name and descriptor). */
    static boolean isWoven(Class<?> type) {
        return OF.get(type) != 0 || R2DBC_FACTORIES.equals(type.getName());
    }

    private static List<String> internal(List<String> classNames) {
        String[] internal = new String[classNames.size()];
        for (int i = 0; i < internal.length; i++) {
            internal[i] = internal(classNames.get(i));
        }
        return List.of(internal);
    }

    private static String internal(String className) {
        return className.replace('.', '/');
    }

    private static int kindsOf(Class<?> type) {
        int kinds = 0;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                kinds |= interfaceKinds(i);
            }
        }
        return kinds;
    }

    private static int interfaceKinds(Class<?> type) {
        int kinds = 0;
        for (int n = 0; n < NAMES.length; n++) {
            if (NAMES[n].equals(type.getName())) {
                kinds |= KINDS[n];
            }
        }
        for (Class<?> parent : type.getInterfaces()) {
            kinds |= interfaceKinds(parent);
        }
        return kinds;
    }
}
