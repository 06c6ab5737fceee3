package dev.testguard.runtime.judge;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The few JDBC calls the live probes make (statements, {@code setString}, {@code next}, {@code getString},
 * {@code getLong}), answered over an {@link R2dbcSession}: the stamp, row estimate and identity queries stay where
 * they are written once ({@code probe}), and run unchanged over R2DBC. Any other JDBC call fails, which the live
 * check turns into a refusal.
 */
final class R2dbcJdbc {

    private R2dbcJdbc() {
    }

    /**
     * @param session           closed when the returned connection is
     * @param dollarPlaceholders the driver takes {@code $1, $2} (PostgreSQL, H2) instead of JDBC's {@code ?}
     */
    static Connection connection(R2dbcSession session, boolean dollarPlaceholders) {
        return proxy(Connection.class, (proxy, method, args) -> switch (method.getName()) {
            case "createStatement" -> statement(session, dollarPlaceholders, null);
            case "prepareStatement" -> statement(session, dollarPlaceholders, (String) args[0]);
            case "close" -> {
                session.close();
                yield null;
            }
            case "getAutoCommit" -> true;
            default -> objectMethod(proxy, method, args);
        });
    }

    /** A {@code Statement}, or a {@code PreparedStatement} of {@code prepared}. */
    private static Statement statement(R2dbcSession session, boolean dollars, String prepared) {
        List<String> parameters = new ArrayList<>();
        return proxy(PreparedStatement.class, (proxy, method, args) -> switch (method.getName()) {
            case "setString" -> {
                int index = (Integer) args[0] - 1;
                while (parameters.size() <= index) {
                    parameters.add(null);
                }
                parameters.set(index, (String) args[1]);
                yield null;
            }
            case "executeQuery" -> resultSet(session.query(sql(args, prepared, dollars), parameters));
            case "execute" -> !session.query(sql(args, prepared, dollars), parameters).isEmpty();
            case "close" -> null;
            default -> objectMethod(proxy, method, args);
        });
    }

    private static String sql(Object[] args, String prepared, boolean dollars) {
        String sql = args != null && args.length == 1 ? (String) args[0] : prepared;
        return dollars ? dollarPlaceholders(sql) : sql;
    }

    /** JDBC's {@code ?} outside quoted text as {@code $1, $2, ...}. */
    static String dollarPlaceholders(String sql) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                out.append('$').append(++n);
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static ResultSet resultSet(List<Object[]> rows) {
        int[] at = {-1};
        boolean[] wasNull = {false};
        return proxy(ResultSet.class, (proxy, method, args) -> switch (method.getName()) {
            case "next" -> ++at[0] < rows.size();
            case "getString" -> {
                Object v = column(rows, at[0], args, wasNull);
                yield v == null ? null : v.toString();
            }
            case "getLong" -> {
                Object v = column(rows, at[0], args, wasNull);
                yield v == null ? 0L : v instanceof Number number ? number.longValue() : Long.parseLong(v.toString());
            }
            case "wasNull" -> wasNull[0];
            case "close" -> null;
            default -> objectMethod(proxy, method, args);
        });
    }

    private static Object column(List<Object[]> rows, int row, Object[] args, boolean[] wasNull) throws SQLException {
        if (row < 0 || row >= rows.size() || !(args[0] instanceof Integer)) {
            throw new SQLException("the live check reads columns by index of a current row only");
        }
        Object v = rows.get(row)[(Integer) args[0] - 1];
        wasNull[0] = v == null;
        return v;
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) throws SQLException {
        return objectMethod(proxy, method, args, "testguard's JDBC view of an R2DBC connection");
    }

    /** {@code Object}'s methods of a proxy; any other method is not supported. */
    static Object objectMethod(Object proxy, Method method, Object[] args, String name) throws SQLException {
        switch (method.getName()) {
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return name;
            default:
                throw new SQLFeatureNotSupportedException("the runtime guard's R2DBC live check does not support "
                        + method.getDeclaringClass().getSimpleName() + "." + method.getName());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(R2dbcJdbc.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
