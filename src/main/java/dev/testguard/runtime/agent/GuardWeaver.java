package dev.testguard.runtime.agent;

import dev.testguard.runtime.judge.ConnectionLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The guard's transformer: weaves the {@link WovenMethod}s a class declares with {@link WovenCode}, on the ASM that
 * Byte Buddy ships (no type resolution at weave time, so nothing is loaded or looked up; the type checks run in the
 * woven calls). Interfaces and synthetic classes are left alone. A class it cannot weave is recorded as an error,
 * which fails the build after the tests.
 */
final class GuardWeaver implements ClassFileTransformer {

    private static final int SKIPPED = Opcodes.ACC_INTERFACE | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_MODULE;

    private final ConnectionLog log;

    GuardWeaver(ConnectionLog log) {
        this.log = log;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classfileBuffer) {
        try {
            return weave(classfileBuffer);
        } catch (RuntimeException | LinkageError e) {
            log.weavingError(String.valueOf(className).replace('/', '.') + ": " + e);
            return null;
        }
    }

    /** @return the woven class file, or null when the class declares no woven method */
    static byte[] weave(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        if ((reader.getAccess() & SKIPPED) != 0) {
            return null;
        }
        Map<String, Integer> maxLocals = new HashMap<>();
        reader.accept(new MaxLocals(reader.getClassName(), maxLocals), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (maxLocals.isEmpty()) {
            return null;
        }
        int version = reader.readUnsignedShort(6);
        if (version < Opcodes.V1_5) {
            throw new IllegalArgumentException("class file version " + version + " is older than Java 5, whose "
                    + "class constants the woven code needs");
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean frames = version >= Opcodes.V1_6;
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                WovenMethod woven = WovenMethod.of(reader.getClassName(), access, name, descriptor);
                Integer scope = maxLocals.get(name + descriptor); // null: not woven after all (see MaxLocals)
                return woven == null || scope == null ? method : new WovenCode(method, woven, reader.getClassName(),
                        name, descriptor, scope, frames);
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /**
     * The max locals of each woven method (name + descriptor): the index of the local the weaving adds. A
     * {@link WovenMethod#URL_CONFIGURED} method is left out unless the class declares the instance field it reads
     * (fields are visited before methods).
     */
    private static final class MaxLocals extends ClassVisitor {

        private final String owner;
        private final Map<String, Integer> found;
        private boolean hasUrlField;

        MaxLocals(String owner, Map<String, Integer> found) {
            super(Opcodes.ASM9);
            this.owner = owner;
            this.found = found;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            hasUrlField |= (access & Opcodes.ACC_STATIC) == 0 && WovenMethod.URL_FIELD.equals(name)
                    && WovenMethod.URL_FIELD_TYPE.equals(descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            WovenMethod woven = WovenMethod.of(owner, access, name, descriptor);
            if (woven == null || woven == WovenMethod.URL_CONFIGURED && !hasUrlField) {
                return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMaxs(int maxStack, int maxLocals) {
                    found.put(name + descriptor, maxLocals);
                }
            };
        }
    }
}
