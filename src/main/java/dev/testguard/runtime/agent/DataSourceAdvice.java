package dev.testguard.runtime.agent;

import dev.testguard.runtime.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into the {@code getConnection*}, {@code getXAConnection*} and {@code getPooledConnection*} methods of data
 * sources: a connection no judgement saw on the way is judged by its metadata.
 */
final class DataSourceAdvice {

    private DataSourceAdvice() {
    }

    @Advice.OnMethodEnter
    static Object enter(@Advice.This Object dataSource) {
        return Bridge.enterDataSource(dataSource);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class)
    static void exit(@Advice.Enter Object scope,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object connection,
            @Advice.Thrown Throwable thrown) throws Exception {
        connection = Bridge.exitDataSource(scope, connection, thrown);
    }
}
