package dev.testguard.runtime.agent;

import dev.testguard.runtime.agent.bootstrap.Bridge;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code io.r2dbc.spi.ConnectionFactories#find(ConnectionFactoryOptions)}, which {@code get} goes
 * through: the static rules over the options; a refusal is an {@link R2dbcPermissionDeniedException} (SQLState
 * 28000). Inlined code cannot call helpers of this class, so it spells each option out; the signature names no
 * R2DBC type, because the guard's loader (which describes this class) has none.
 */
final class R2dbcAdvice {

    private R2dbcAdvice() {
    }

    @Advice.OnMethodEnter
    static void enter(@Advice.Argument(0) Object argument) {
        if (!(argument instanceof ConnectionFactoryOptions)) {
            return;
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
        String refusal = Bridge.judgeR2dbc(values);
        if (refusal != null) {
            throw new R2dbcPermissionDeniedException(refusal, "28000");
        }
    }
}
