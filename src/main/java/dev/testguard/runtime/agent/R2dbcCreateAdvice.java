package dev.testguard.runtime.agent;

import dev.testguard.runtime.agent.bootstrap.Bridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into {@code create()} of every {@code io.r2dbc.spi.ConnectionFactory} implementation: a refused factory's
 * publisher is replaced by one that signals the refusal (of the method's own return type, named by {@code #r}).
 * Names no R2DBC type, so the guard's loader can describe it.
 */
final class R2dbcCreateAdvice {

    private R2dbcCreateAdvice() {
    }

    @Advice.OnMethodExit
    static void exit(@Advice.This Object factory, @Advice.Origin("#r") String returnType,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object publisher) {
        publisher = Bridge.r2dbcCreate(factory, publisher, returnType);
    }
}
