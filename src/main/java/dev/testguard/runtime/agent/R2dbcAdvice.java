package dev.testguard.runtime.agent;

import dev.testguard.runtime.agent.bootstrap.Bridge;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code io.r2dbc.spi.ConnectionFactories#find(ConnectionFactoryOptions)}, which {@code get} goes
 * through, where it returns the connection factory (creating one opens no socket): the rules over the options, the
 * live ones over a JDBC connection to the same database when the application's class path has the JDBC driver, else
 * over a short R2DBC connection of that factory, before the caller gets it. A refusal is an
 * {@link R2dbcPermissionDeniedException} (SQLState 28000). Inlined code cannot call helpers of this class, so it spells each option out; the signature names no
 * R2DBC type, because the guard's loader (which describes this class) has none.
 */
final class R2dbcAdvice {

    private R2dbcAdvice() {
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Argument(0) Object argument, @Advice.Return Object factory,
            @Advice.Origin Class<?> factories) {
        if (!(argument instanceof ConnectionFactoryOptions) || factory == null) {
            return; // no factory: nothing can connect
        }
        ConnectionFactoryOptions options = (ConnectionFactoryOptions) argument;
        java.util.Map<String, String> values = new java.util.HashMap<>();
        Object value = options.getValue(ConnectionFactoryOptions.DRIVER);
        if (value != null) {
            values.put("driver", value.toString());
        }
        value = options.getValue(ConnectionFactoryOptions.PROTOCOL);
        if (value != null) {
            values.put("protocol", value.toString());
        }
        value = options.getValue(ConnectionFactoryOptions.HOST);
        if (value != null) {
            values.put("host", value.toString());
        }
        value = options.getValue(ConnectionFactoryOptions.PORT);
        if (value != null) {
            values.put("port", value.toString());
        }
        value = options.getValue(ConnectionFactoryOptions.DATABASE);
        if (value != null) {
            values.put("database", value.toString());
        }
        value = options.getValue(ConnectionFactoryOptions.USER);
        if (value != null) {
            values.put("user", value.toString());
        }
        value = options.getValue(ConnectionFactoryOptions.PASSWORD);
        if (value != null) {
            values.put("password", value.toString()); // for the live check's JDBC connection only, never shown
        }
        String refusal = Bridge.judgeR2dbc(values, factories.getClassLoader(), factory);
        if (refusal != null) {
            throw new R2dbcPermissionDeniedException(refusal, "28000");
        }
    }
}
