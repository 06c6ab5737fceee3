package dev.testguard.runtime.agent;

import dev.testguard.runtime.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into MariaDB Connector/J's static {@code Driver.connect(Configuration)}, which its data sources and pools
 * call without {@code connect(String, Properties)}: judged before the socket opens, and after, as a driver's.
 */
final class MariadbConnectAdvice {

    private MariadbConnectAdvice() {
    }

    @Advice.OnMethodEnter
    static Object enter(@Advice.Argument(0) Object configuration) throws Exception {
        return Bridge.beforeConfiguredConnect(configuration);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Object scope,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object connection,
            @Advice.Thrown Throwable thrown) throws Exception {
        connection = Bridge.afterDriverConnect(scope, connection, thrown);
    }
}
