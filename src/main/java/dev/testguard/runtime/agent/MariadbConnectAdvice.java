package dev.testguard.runtime.agent;

import dev.testguard.runtime.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into MariaDB Connector/J's static {@code Driver.connect(Configuration)}, which its data sources and pools
 * call without {@code connect(String, Properties)}: judged before the socket opens; the exit is
 * {@link DriverConnectAdvice}'s.
 */
final class MariadbConnectAdvice {

    private MariadbConnectAdvice() {
    }

    @Advice.OnMethodEnter
    static Object enter(@Advice.Argument(0) Object configuration) throws Exception {
        return Bridge.beforeConfiguredConnect(configuration);
    }
}
