package dev.testguard.runtime.agent;

import static net.bytebuddy.jar.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;

/**
 * Weaves one method: the entry call's result (or the value the exit needs) goes into one new local after the method's
 * own, which every stack map frame is extended with; each {@code areturn} passes its value through the exit call;
 * for a {@link WovenMethod#exitsOnThrowable} method, a catch-all handler after the code (covering the original code,
 * never the exit calls; in a constructor, only the code after its super()/this() call, as the verifier demands)
 * passes the exception through the exit call and rethrows it. No method or field is added, so
 * loaded classes can be retransformed. Expects expanded frames (ClassReader.EXPAND_FRAMES).
 */
final class WovenCode extends MethodVisitor {

    private static final String OBJECT = "java/lang/Object";

    private final WovenMethod woven;
    private final Type owner;
    private final String descriptor;
    private final int scope;
    private final boolean frames;
    private final List<Label> covered = new ArrayList<>(); // start, end, start, end...
    /** In a constructor before its super()/this() call: the {@code new}s whose {@code <init>} is still to come. */
    private int pendingNews;
    private boolean beforeSuper;

    /** @param scope the method's max locals: the new local's index */
    WovenCode(MethodVisitor writer, WovenMethod woven, String owner, String name, String descriptor, int scope,
            boolean frames) {
        super(ASM9, writer);
        this.beforeSuper = WovenMethod.isConstructor(name);
        this.woven = woven;
        this.owner = Type.getObjectType(owner);
        this.descriptor = descriptor;
        this.scope = scope;
        this.frames = frames;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        WovenAdvice.enter(mv, woven, owner, descriptor);
        super.visitVarInsn(ASTORE, scope);
        if (!beforeSuper) {
            mark();
        }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (beforeSuper && opcode == NEW) {
            pendingNews++;
        }
        super.visitTypeInsn(opcode, type);
    }

    /** The constructor's super()/this() call: the first {@code <init>} call that no {@code new} is waiting for. */
    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        if (beforeSuper && opcode == INVOKESPECIAL && WovenMethod.isConstructor(name) && pendingNews-- == 0) {
            beforeSuper = false;
            mark();
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode != ARETURN) {
            super.visitInsn(opcode);
            return;
        }
        mark();
        WovenAdvice.exit(mv, woven, owner, descriptor, scope);
        super.visitInsn(ARETURN);
        mark();
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        if (frames) {
            Object[] locals = withScope(numLocal, local);
            super.visitFrame(F_NEW, locals.length, locals, numStack, stack);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (woven.exitsOnThrowable() && covered.size() % 2 == 1) {
            mark();
            Label handler = new Label();
            for (int i = 0; i + 1 < covered.size(); i += 2) {
                if (covered.get(i).getOffset() < covered.get(i + 1).getOffset()) {
                    super.visitTryCatchBlock(covered.get(i), covered.get(i + 1), handler, null);
                }
            }
            super.visitLabel(handler);
            if (frames) {
                Object[] locals = withScope(0, new Object[0]);
                super.visitFrame(F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
            }
            WovenAdvice.exitOnThrowable(mv, woven, owner, scope);
        }
        super.visitMaxs(maxStack + 8, scope + 1);
    }

    private void mark() {
        Label label = new Label();
        super.visitLabel(label);
        covered.add(label);
    }

    /** The frame's locals, then TOP up to the new local, then the new local (an Object). */
    private Object[] withScope(int numLocal, Object[] local) {
        List<Object> locals = new ArrayList<>(scope + 1);
        int slots = 0;
        for (int i = 0; i < numLocal; i++) {
            locals.add(local[i]);
            slots += local[i] == LONG || local[i] == DOUBLE ? 2 : 1;
        }
        for (; slots < scope; slots++) {
            locals.add(TOP);
        }
        locals.add(OBJECT);
        return locals.toArray();
    }
}
