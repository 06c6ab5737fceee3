package dev.testguard.runtime.agent.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The {@code Premain-Class} of the agent jar. The agent argument is the options file the build wrote; this class
 * reads only the guard's class path from it, opens an {@link IsolatedGuardLoader} over it and hands over to
 * {@value #INSTALLER}, which weaves the drivers and installs the hooks behind {@link Bridge}. A guard that cannot
 * be installed says so on stderr and leaves the fork unmarked, so the build fails after the tests ("ran without the
 * runtime guard"); it never stops the JVM.
 */
public final class TestguardAgent {

    static final String INSTALLER = "dev.testguard.runtime.agent.GuardInstaller";
    /** The options key of the guard's class path (same as AgentOptions.GUARD_CLASSPATH). */
    static final String GUARD_CLASSPATH = "guard.classpath";

    private TestguardAgent() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        try {
            install(options, instrumentation);
        } catch (Throwable e) {
            System.err.println("[testguard] ERROR the runtime guard could not be installed in this test JVM, so the "
                    + "build will fail after the tests: " + e);
        }
    }

    static void install(String options, Instrumentation instrumentation) throws Exception {
        if (options == null || options.isBlank()) {
            throw new IllegalArgumentException("the agent argument must name the options file");
        }
        Path optionsFile = Path.of(options.trim());
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(optionsFile)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IOException("cannot read the options file " + optionsFile, e);
        }
        ClassLoader loader = new IsolatedGuardLoader(
                IsolatedGuardLoader.split(properties.getProperty(GUARD_CLASSPATH, "")));
        Class<?> installer = Class.forName(INSTALLER, true, loader);
        installer.getMethod("install", Instrumentation.class, Path.class).invoke(null, instrumentation, optionsFile);
    }
}
