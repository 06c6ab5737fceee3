package dev.testguard.runtime.agent.bootstrap;

import java.lang.instrument.Instrumentation;

/**
 * The {@code Premain-Class} of the agent jar. The agent argument is the options file the build wrote. Premain does
 * only what must happen before the first test class loads: it registers the {@link GuardGate} (the guard itself is
 * installed at the first class that may need weaving), weaves any such class already loaded, and marks the fork
 * armed. A guard that cannot be set up says so on stderr and leaves the fork unmarked, so the build fails after
 * the tests ("ran without the runtime guard"); it never stops the JVM.
 */
public final class TestguardAgent {

    /** The options key of the guard's class path (AgentOptions writes it). */
    public static final String GUARD_CLASSPATH = Fork.GUARD_CLASSPATH;
    public static final String TOKEN = Fork.TOKEN;
    public static final String RECORDS_DIRECTORY = Fork.RECORDS_DIRECTORY;
    /** The system property each guarded fork sets to {@code armed:<token>}. */
    public static final String FORK_MARKER = Fork.FORK_MARKER;

    private TestguardAgent() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        try {
            install(options, instrumentation);
        } catch (Throwable e) {
            System.clearProperty(FORK_MARKER);
            System.err.println("[testguard] ERROR the runtime guard could not be installed in this test JVM, so the "
                    + "build will fail after the tests: " + e);
        }
    }

    /** The value of {@link #FORK_MARKER} in a fork of the build with this token. */
    public static String forkMarkerValue(String token) {
        return Fork.markerValue(token);
    }

    static void install(String options, Instrumentation instrumentation) throws Exception {
        if (options == null || options.isBlank()) {
            throw new IllegalArgumentException("the agent argument must name the options file");
        }
        Fork fork = Fork.read(options.trim());
        GuardGate gate = new GuardGate(instrumentation, fork);
        instrumentation.addTransformer(gate, true);
        fork.armed();
        LoadedCandidates.retransform(instrumentation, fork);
    }
}
