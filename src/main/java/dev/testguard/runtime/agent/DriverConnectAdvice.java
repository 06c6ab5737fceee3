package dev.testguard.runtime.agent;

import dev.testguard.runtime.agent.bootstrap.Bridge;
import java.util.Properties;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Inlined into every {@code java.sql.Driver#connect(String, Properties)}: judge before and after. */
final class DriverConnectAdvice {

    private DriverConnectAdvice() {
    }

    @Advice.OnMethodEnter
    static Object enter(@Advice.This Object driver, @Advice.Argument(0) String url,
            @Advice.Argument(1) Properties info) throws Exception {
        return Bridge.beforeDriverConnect(driver, url, info);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Object scope,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object connection,
            @Advice.Thrown Throwable thrown) throws Exception {
        connection = Bridge.afterDriverConnect(scope, connection, thrown);
    }
}
