package dev.testguard.runtime.agent.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads just enough of a class file to tell whether the guard's weaving could change it, without Byte Buddy: the
 * weaving only rewrites methods a class declares itself, namely a non-abstract {@code connect(String, Properties)}
 * returning an object, a non-abstract, non-static {@code getConnection*}, {@code getXAConnection*} or
 * {@code getPooledConnection*}, a non-abstract, non-static {@code create()} returning a reactive publisher (an R2DBC
 * connection factory: the interface's erased descriptor, which javac's bridge method carries too, or a Reactor
 * {@code Mono}/{@code Flux} for a subclass overriding a covariant {@code create()}), and R2DBC's
 * {@code ConnectionFactories} and the {@link WovenTypes#URL_MASKED} data sources (their {@code setUrl(String)},
 * {@code (String)} constructor and {@code config()}). A class that declares none of them is not a candidate, whatever its constant pool
 * mentions, nor are the {@link WovenTypes#UNWOVEN_POOLS}; a class file this reader cannot follow is one (fail safe).
 */
final class WeavingCandidates {

    static final String R2DBC_FACTORIES = WovenTypes.R2DBC_FACTORIES_INTERNAL;
    static final List<String> URL_MASKED = WovenTypes.URL_MASKED_INTERNAL;
    static final List<String> UNWOVEN_POOLS = WovenTypes.UNWOVEN_POOLS_INTERNAL;
    private static final byte[] CONNECT = ascii(WovenTypes.CONNECT);
    private static final byte[] CONNECT_DESCRIPTOR = ascii(WovenTypes.CONNECT_ARGUMENTS + "L");
    private static final byte[][] DATA_SOURCE_METHODS = ascii(WovenTypes.DATA_SOURCE_METHODS);
    private static final byte[] CREATE = ascii(WovenTypes.CREATE);
    private static final byte[][] CREATE_DESCRIPTORS = ascii(WovenTypes.CREATE_DESCRIPTORS);
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_ABSTRACT = 0x0400;

    private WeavingCandidates() {
    }

    static boolean mayNeedWeaving(String className, byte[] classFile) {
        if (R2DBC_FACTORIES.equals(className) || URL_MASKED.contains(className)) {
            return true;
        }
        if (UNWOVEN_POOLS.contains(className)) {
            return false;
        }
        try {
            return declaresWovenMethod(classFile);
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    private static boolean declaresWovenMethod(byte[] b) {
        int[] utf8 = new int[u2(b, 8)]; // offset of each Utf8 constant, 0 for other constants
        int p = readConstantPool(b, utf8);
        p += 6; // access flags, this class, super class
        p += 2 + 2 * u2(b, p); // interfaces
        p = skipMembers(b, p); // fields
        int methods = u2(b, p);
        p += 2;
        for (int m = 0; m < methods; m++) {
            if (isWoven(b, u2(b, p), utf8[u2(b, p + 2)], utf8[u2(b, p + 4)])) {
                return true;
            }
            p = skipAttributes(b, p + 6);
        }
        return false;
    }

    private static boolean isWoven(byte[] b, int access, int name, int descriptor) {
        if ((access & ACC_ABSTRACT) != 0) {
            return false;
        }
        if (equals(b, name, CONNECT)) {
            return startsWith(b, descriptor, CONNECT_DESCRIPTOR);
        }
        if ((access & ACC_STATIC) != 0) {
            return false;
        }
        for (byte[] method : DATA_SOURCE_METHODS) {
            if (equals(b, name, method)) {
                return true;
            }
        }
        return equals(b, name, CREATE) && isAny(b, descriptor, CREATE_DESCRIPTORS);
    }

    private static boolean isAny(byte[] b, int offset, byte[][] texts) {
        for (byte[] text : texts) {
            if (equals(b, offset, text)) {
                return true;
            }
        }
        return false;
    }

    /** Records where each Utf8 constant starts; returns the offset after the constant pool. */
    private static int readConstantPool(byte[] b, int[] utf8) {
        int p = 10;
        for (int i = 1; i < utf8.length; i++) {
            int tag = b[p] & 0xff;
            switch (tag) {
                case 1 -> {
                    utf8[i] = p;
                    p += 3 + u2(b, p + 1);
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> p += 5;
                case 5, 6 -> {
                    p += 9;
                    i++; // a long or double takes two entries
                }
                case 7, 8, 16, 19, 20 -> p += 3;
                case 15 -> p += 4;
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }
        return p;
    }

    private static int skipMembers(byte[] b, int p) {
        int count = u2(b, p);
        p += 2;
        for (int i = 0; i < count; i++) {
            p = skipAttributes(b, p + 6);
        }
        return p;
    }

    private static int skipAttributes(byte[] b, int p) {
        int count = u2(b, p);
        p += 2;
        for (int i = 0; i < count; i++) {
            p += 6 + u4(b, p + 2);
        }
        return p;
    }

    /** Whether the Utf8 constant at {@code offset} (0: not a Utf8 constant) is exactly {@code text}. */
    private static boolean equals(byte[] b, int offset, byte[] text) {
        return offset != 0 && u2(b, offset + 1) == text.length && startsWith(b, offset, text);
    }

    private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
        if (offset == 0 || u2(b, offset + 1) < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[offset + 3 + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] b, int p) {
        return (b[p] & 0xff) << 8 | b[p + 1] & 0xff;
    }

    private static int u4(byte[] b, int p) {
        int length = (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | b[p + 3] & 0xff;
        if (length < 0) {
            throw new IllegalArgumentException("attribute too long");
        }
        return length;
    }

    private static byte[][] ascii(List<String> texts) {
        byte[][] out = new byte[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ascii(texts.get(i));
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
