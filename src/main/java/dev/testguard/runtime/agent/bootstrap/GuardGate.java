package dev.testguard.runtime.agent.bootstrap;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.security.ProtectionDomain;

/**
 * The transformer the JVM calls for every class it loads, registered at premain: a cheap test in front of the guard
 * ({@link WeavingCandidates}). Classes of the JDK, of the guard and of the test framework pass on their loader or
 * name, any other class unless it declares a method the guard weaves. The guard itself (its class loader over the
 * plugin jar, the policy, the weaver) is installed at the first candidate class, so a test JVM that never loads a
 * driver or data source never pays for it. A guard that cannot be installed is recorded as an error (the build fails
 * after the tests) and the fork marker is taken back; {@link Bridge} refuses every connection meanwhile.
 */
final class GuardGate implements ClassFileTransformer {

    static final String INSTALLER = "dev.testguard.runtime.agent.GuardInstaller";
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();
    private static final String[] IGNORED_PREFIXES = {"java/", "jdk/", "sun/", "dev/testguard/", "net/bytebuddy/",
        "org/junit/", "org/apache/maven/surefire/", "org/opentest4j/"};

    private final Instrumentation instrumentation;
    private final Fork fork;
    /** The guard's class loader, set before it loads a class: compared, so no app class loads its type. */
    private volatile ClassLoader guardLoader;
    private volatile ClassFileTransformer guard;
    private boolean installing; // guarded by this
    private boolean failed; // guarded by this

    GuardGate(Instrumentation instrumentation, Fork fork) {
        this.instrumentation = instrumentation;
        this.fork = fork;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain domain, byte[] classfileBuffer) {
        if (loader == guardLoader || !isCandidate(loader, className, classfileBuffer)) {
            return null;
        }
        ClassFileTransformer g = guard();
        if (g == null) {
            return null; // recorded: the guard could not be installed
        }
        try {
            return g.transform(module, loader, className, classBeingRedefined, domain, classfileBuffer);
        } catch (Throwable e) {
            fork.error("testguard could not weave ".concat(className.replace('/', '.')).concat(": ")
                    .concat(String.valueOf(e)));
            return null;
        }
    }

    /**
     * Whether the class may need weaving; never false for a class the guard would weave. The JVM calls the gate for
     * every class (JPLIS enables the load hook for all threads; class-data-sharing classes are re-read for it), so
     * the boot and platform loaders' classes return first, on identity alone.
     */
    static boolean isCandidate(ClassLoader loader, String className, byte[] bytes) {
        if (loader == null || loader == PLATFORM || className == null || bytes == null) {
            return false;
        }
        for (String prefix : IGNORED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return WeavingCandidates.mayNeedWeaving(className, bytes);
    }

    /** The guard's transformer, installed at the first call; null when installing it failed (recorded). */
    private ClassFileTransformer guard() {
        ClassFileTransformer g = guard;
        if (g != null) {
            return g;
        }
        synchronized (this) {
            if (guard != null || failed) {
                return guard;
            }
            if (installing) { // only the guard's own loading could get here: its classes are never candidates
                fork.error("testguard could not weave a class loaded while the guard was being installed");
                return null;
            }
            installing = true;
            try {
                guard = install();
            } catch (Throwable e) {
                failed = true;
                Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
                fork.installFailed(cause);
            } finally {
                installing = false;
            }
            return guard;
        }
    }

    private ClassFileTransformer install() throws ReflectiveOperationException {
        ClassLoader loader = new IsolatedGuardLoader(IsolatedGuardLoader.split(fork.guardClasspath()));
        guardLoader = loader;
        Class<?> installer = Class.forName(INSTALLER, true, loader);
        return (ClassFileTransformer) installer.getMethod("install", Path.class, long.class)
                .invoke(null, Path.of(fork.optionsFile()), fork.pid());
    }
}
