package dev.testguard.runtime.agent;

import static net.bytebuddy.jar.asm.Opcodes.*;

import dev.testguard.runtime.agent.bootstrap.WovenCalls;
import java.util.Locale;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;

/** The calls to {@code bootstrap.WovenCalls} that {@link WovenCode} inserts, one method per place. */
final class WovenAdvice {

    private static final String CALLS = Type.getInternalName(WovenCalls.class);
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String CLASS = "Ljava/lang/Class;";
    private static final String EXIT = "(" + OBJECT + OBJECT + "Ljava/lang/Throwable;)" + OBJECT;
    private static final String OPTIONS = "io/r2dbc/spi/ConnectionFactoryOptions";

    private WovenAdvice() {
    }

    /** Leaves the value of the new local on the stack: the entry call's scope, or what the exit needs. */
    static void enter(MethodVisitor mv, WovenMethod woven, Type owner, String descriptor) {
        switch (woven) {
            case CONNECT -> {
                mv.visitLdcInsn(owner);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitVarInsn(ALOAD, 1);
                mv.visitVarInsn(ALOAD, 2);
                call(mv, woven.enter, "(" + CLASS + OBJECT + "Ljava/lang/String;Ljava/util/Properties;)" + OBJECT);
            }
            case CONFIGURED_CONNECT, DATA_SOURCE -> {
                mv.visitLdcInsn(owner);
                mv.visitVarInsn(ALOAD, 0);
                call(mv, woven.enter, "(" + CLASS + OBJECT + ")" + OBJECT);
            }
            case URL_MASKED -> mv.visitVarInsn(ALOAD, 1); // the URL (a constructor's this is not yet initialised)
            case URL_CONFIGURED -> {
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, owner.getInternalName(), WovenMethod.URL_FIELD, WovenMethod.URL_FIELD_TYPE);
            }
            default -> mv.visitVarInsn(ALOAD, 0); // the options of find, the factory of create
        }
    }

    /** Before an {@code areturn}: replaces (or checks) the value on the stack. */
    static void exit(MethodVisitor mv, WovenMethod woven, Type owner, String descriptor, int scope) {
        Type returned = Type.getReturnType(descriptor);
        switch (woven) {
            case R2DBC_FIND -> {
                mv.visitInsn(DUP);
                options(mv, scope);
                mv.visitLdcInsn(owner);
                call(mv, woven.exit, "(" + OBJECT + "[" + OBJECT + CLASS + ")V");
                return;
            }
            case R2DBC_CREATE -> {
                mv.visitLdcInsn(owner);
                mv.visitInsn(SWAP);
                mv.visitVarInsn(ALOAD, scope);
                mv.visitInsn(SWAP);
                mv.visitLdcInsn(returned.getClassName());
                call(mv, woven.exit, "(" + CLASS + OBJECT + OBJECT + "Ljava/lang/String;)" + OBJECT);
            }
            default -> {
                mv.visitVarInsn(ALOAD, scope);
                mv.visitInsn(SWAP);
                mv.visitInsn(ACONST_NULL);
                call(mv, woven.exit, EXIT);
            }
        }
        mv.visitTypeInsn(CHECKCAST, returned.getInternalName());
    }

    /**
     * The catch-all handler's code: the exception on the stack goes through the exit call and is rethrown (for
     * {@link WovenMethod#URL_MASKED} and {@link WovenMethod#URL_CONFIGURED}, the exception the exit call returns is
     * thrown instead).
     */
    static void exitOnThrowable(MethodVisitor mv, WovenMethod woven, Type owner, int scope) {
        if (woven == WovenMethod.URL_MASKED || woven == WovenMethod.URL_CONFIGURED) {
            mv.visitLdcInsn(owner);
            mv.visitInsn(SWAP);
            mv.visitVarInsn(ALOAD, scope);
            mv.visitInsn(SWAP);
            call(mv, woven.exit, "(" + CLASS + OBJECT + "Ljava/lang/Throwable;)Ljava/lang/Throwable;");
            mv.visitInsn(ATHROW);
            return;
        }
        mv.visitInsn(DUP);
        mv.visitVarInsn(ALOAD, scope);
        mv.visitInsn(SWAP);
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(SWAP);
        call(mv, woven.exit, EXIT);
        mv.visitInsn(POP);
        mv.visitInsn(ATHROW);
    }

    /** An Object[] of the {@link WovenCalls#R2DBC_OPTIONS} read from the options in {@code scope}. */
    private static void options(MethodVisitor mv, int scope) {
        mv.visitIntInsn(BIPUSH, WovenCalls.R2DBC_OPTIONS.length);
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < WovenCalls.R2DBC_OPTIONS.length; i++) {
            mv.visitInsn(DUP);
            mv.visitIntInsn(BIPUSH, i);
            mv.visitVarInsn(ALOAD, scope);
            mv.visitTypeInsn(CHECKCAST, OPTIONS);
            mv.visitFieldInsn(GETSTATIC, OPTIONS, WovenCalls.R2DBC_OPTIONS[i].toUpperCase(Locale.ROOT),
                    "Lio/r2dbc/spi/Option;");
            mv.visitMethodInsn(INVOKEVIRTUAL, OPTIONS, "getValue", "(Lio/r2dbc/spi/Option;)" + OBJECT, false);
            mv.visitInsn(AASTORE);
        }
    }

    private static void call(MethodVisitor mv, String method, String descriptor) {
        mv.visitMethodInsn(INVOKESTATIC, CALLS, method, descriptor, false);
    }
}
