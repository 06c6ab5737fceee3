package dev.testguard.runtime.agent;

import dev.testguard.runtime.judge.ConnectionLog;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

/**
 * The transformer the JVM calls for every class it loads: a cheap test in front of Byte Buddy, in the spirit of
 * OpenTelemetry's agent. Classes of the JDK, of the guard and of the test framework are passed by their loader or
 * name; any other class is passed unless its class file holds the bytes {@value #NEEDLE}. Every class the guard
 * weaves does: a method named {@code getConnection}, {@code getXAConnection} or {@code getPooledConnection} holds it
 * in its name, {@code Driver.connect(String, Properties)} returns {@code java/sql/Connection} (a covariant override
 * comes with a bridge method of that descriptor), {@code io/r2dbc/spi/ConnectionFactories} is its own name, and an R2DBC connection factory names the
 * {@code io/r2dbc/spi/ConnectionFactory} it implements. Only
 * those candidates reach {@link Weaving}, built on the first one.
 */
final class CandidateFilter implements ClassFileTransformer {

    static final String NEEDLE = "Connection";
    private static final byte[] NEEDLE_BYTES = NEEDLE.getBytes(StandardCharsets.US_ASCII);
    private static final String[] IGNORED_PREFIXES = {"java/", "jdk/", "sun/", "dev/testguard/", "net/bytebuddy/", "org/junit/", "org/apache/maven/surefire/", "org/opentest4j/"};

    private final ConnectionLog log;
    private final ClassLoader guardLoader;
    private volatile ClassFileTransformer weaving;
    private volatile boolean failed;

    CandidateFilter(ConnectionLog log) {
        this.log = log;
        this.guardLoader = CandidateFilter.class.getClassLoader();
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classfileBuffer) {
        if (!isCandidate(loader, className, classfileBuffer)) {
            return null;
        }
        ClassFileTransformer w = weaving();
        if (w == null) {
            log.weavingError(className.replace('/', '.') + ": the guard's weaving could not be set up");
            return null;
        }
        try {
            return w.transform(module, loader, className, classBeingRedefined, domain, classfileBuffer);
        } catch (Throwable e) {
            log.weavingError(className.replace('/', '.') + ": " + e);
            return null;
        }
    }

    /** Whether the class may need weaving; never false for a class {@link Weaving} would weave. */
    boolean isCandidate(ClassLoader loader, String className, byte[] bytes) {
        if (loader == null || loader == guardLoader || loader == ClassLoader.getPlatformClassLoader()
                || className == null || bytes == null) {
            return false;
        }
        for (String prefix : IGNORED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return contains(bytes, NEEDLE_BYTES);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Recorded as an error of the guard, so the build fails after the tests. */
    void weavingFailed(String what) {
        log.weavingError(what);
    }

    /** Byte Buddy's transformer, built once; null when building it failed (recorded, so the build fails). */
    private ClassFileTransformer weaving() {
        ClassFileTransformer w = weaving;
        if (w != null || failed) {
            return w;
        }
        synchronized (this) {
            if (weaving == null && !failed) {
                try {
                    weaving = Weaving.transformer(log);
                } catch (Throwable e) {
                    failed = true;
                    log.weavingError("any class: Byte Buddy could not be set up (" + e + ")");
                }
            }
            return weaving;
        }
    }
}
