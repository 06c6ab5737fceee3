package dev.testguard.runtime.judge;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One R2DBC connection of the live check, opened from the very connection factory the tests will get, and driven
 * by reflection over R2DBC's public interfaces (the guard's loader has no R2DBC): each publisher is awaited by
 * {@link Await} with the deadline of the whole check. Reads only; closed at the end.
 */
final class R2dbcSession implements AutoCloseable {

    private final Types types;
    private final Object connection;
    private final long deadline;

    private R2dbcSession(Types types, Object connection, long deadline) {
        this.types = types;
        this.connection = connection;
        this.deadline = deadline;
    }

    /**
     * @param factory the {@code io.r2dbc.spi.ConnectionFactory} the tests will get
     * @param loader  the class loader of R2DBC's SPI (that of {@code ConnectionFactories})
     * @throws SQLException the connection could not be opened within {@code timeout}
     */
    static R2dbcSession open(Object factory, ClassLoader loader, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Types types = Types.of(loader);
        List<Object> connections = Await.all(invoke(types.create, factory), types.reactive, deadline,
                R2dbcSession::closeLate);
        if (connections.size() != 1) {
            throw new SQLException("the connection factory gave " + connections.size() + " connections, not one");
        }
        return new R2dbcSession(types, connections.get(0), deadline);
    }

    /** Every row of the query's results as column values; {@code ?} parameters bound in order (null as text). */
    List<Object[]> query(String sql, List<String> parameters) throws SQLException {
        Object statement = invoke(types.createStatement, connection, sql);
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == null) {
                invoke(types.bindNull, statement, i, String.class);
            } else {
                invoke(types.bind, statement, i, parameters.get(i));
            }
        }
        List<Object[]> rows = new ArrayList<>();
        BiFunction<Object, Object, Object[]> mapper = this::values;
        for (Object result : Await.all(invoke(types.execute, statement), types.reactive, deadline, null)) {
            for (Object row : Await.all(invoke(types.map, result, mapper), types.reactive, deadline, null)) {
                rows.add((Object[]) row);
            }
        }
        return rows;
    }

    private Object[] values(Object row, Object metadata) {
        try {
            List<Object> values = new ArrayList<>();
            for (Object ignored : (Iterable<?>) invoke(types.columns, metadata)) {
                values.add(invoke(types.get, row, values.size()));
            }
            return values.toArray();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws SQLException {
        Await.all(invoke(types.close, connection), types.reactive, deadline, null);
    }

    /** A connection that arrived after its wait gave up: closed, since nobody else will. */
    private static void closeLate(Object connection) {
        try {
            Types types = Types.of(connection.getClass().getClassLoader());
            types.reactive.subscribeAndForget(invoke(types.close, connection));
        } catch (SQLException | RuntimeException e) {
            // the connection dies with the JVM at the latest
        }
    }

    static Object invoke(Method method, Object target, Object... arguments) throws SQLException {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new SQLException(cause.getClass().getName() + ": " + cause.getMessage(), cause);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new SQLException("cannot call " + method + ": " + e, e);
        }
    }

    /** The public R2DBC methods the check calls, looked up on the SPI's interfaces (never on a driver's class). */
    private record Types(Method create, Method createStatement, Method bind, Method bindNull, Method execute,
            Method map, Method columns, Method get, Method close, Await.Reactive reactive) {

        static Types of(ClassLoader loader) throws SQLException {
            try {
                Class<?> connection = type(loader, "Connection");
                Class<?> statement = type(loader, "Statement");
                return new Types(type(loader, "ConnectionFactory").getMethod("create"),
                        connection.getMethod("createStatement", String.class),
                        statement.getMethod("bind", int.class, Object.class),
                        statement.getMethod("bindNull", int.class, Class.class), statement.getMethod("execute"),
                        type(loader, "Result").getMethod("map", BiFunction.class),
                        type(loader, "RowMetadata").getMethod("getColumnMetadatas"),
                        type(loader, "Row").getMethod("get", int.class), connection.getMethod("close"),
                        Await.Reactive.of(loader));
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new SQLException("R2DBC's SPI is not what the guard expects: " + e, e);
            }
        }

        private static Class<?> type(ClassLoader loader, String name) throws ClassNotFoundException {
            return Class.forName("io.r2dbc.spi." + name, false, loader);
        }
    }
}
