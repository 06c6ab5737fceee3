package dev.testguard.runtime.agent;

import dev.testguard.runtime.AgentOptions;
import dev.testguard.runtime.agent.bootstrap.Bridge;
import dev.testguard.runtime.judge.ConnectionJudge;
import dev.testguard.runtime.judge.ConnectionLog;
import dev.testguard.runtime.judge.TestClasses;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Installs the runtime guard in the test JVM: the hooks behind {@link Bridge}, then the {@link CandidateFilter} in
 * front of the woven advice, then the already loaded classes that need weaving are retransformed. Called by the
 * bootstrap agent inside the isolated guard loader; sets the fork marker only once everything is in place. What is
 * heavy (the policy, Byte Buddy) is loaded at the first connection or the first candidate class, not here: most test
 * JVMs open no connection, and each pays the guard's start-up.
 */
public final class GuardInstaller {

    /** The types whose implementations {@link Weaving} weaves, by name: none of them is loaded to check. */
    private static final String[] WOVEN_TYPES = {"java.sql.Driver", "javax.sql.DataSource", "javax.sql.XADataSource",
        "javax.sql.ConnectionPoolDataSource", "javax.sql.PooledConnection", "io.r2dbc.spi.ConnectionFactory"};
    private static final String R2DBC_FACTORIES = "io.r2dbc.spi.ConnectionFactories";

    private GuardInstaller() {
    }

    public static void install(Instrumentation instrumentation, Path optionsFile) throws IOException {
        AgentOptions options = AgentOptions.read(optionsFile);
        ConnectionLog log = new ConnectionLog(options.recordsDirectory(), options.token(),
                ProcessHandle.current().pid());
        Bridge.install(new GuardHooks(new JudgeFactory(options, log), log));
        CandidateFilter filter = new CandidateFilter(log);
        instrumentation.addTransformer(filter, true);
        retransformLoaded(instrumentation, filter);
        log.armed();
        Runtime.getRuntime().addShutdownHook(new Thread(new CountsAtExit(log), "testguard-records"));
        System.setProperty(AgentOptions.FORK_MARKER, options.forkMarkerValue());
    }

    /** Classes loaded before the agent (few, if any, at premain) that the filter would have woven. */
    private static void retransformLoaded(Instrumentation instrumentation, CandidateFilter filter) {
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (instrumentation.isModifiableClass(type) && isWovenType(type)) {
                candidates.add(type);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        try {
            instrumentation.retransformClasses(candidates.toArray(new Class<?>[0]));
        } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
            filter.weavingFailed("the classes loaded before the guard (" + e + ")");
        }
    }

    private static boolean isWovenType(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || type.isInterface()) {
            return false;
        }
        if (R2DBC_FACTORIES.equals(type.getName())) {
            return true;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (isWovenInterface(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWovenInterface(Class<?> type) {
        for (String name : WOVEN_TYPES) {
            if (name.equals(type.getName())) {
                return true;
            }
        }
        for (Class<?> parent : type.getInterfaces()) {
            if (isWovenInterface(parent)) {
                return true;
            }
        }
        return false;
    }

    /** The judge, created at the first connection. */
    private static final class JudgeFactory implements Supplier<ConnectionJudge> {

        private final AgentOptions options;
        private final ConnectionLog log;

        JudgeFactory(AgentOptions options, ConnectionLog log) {
            this.options = options;
            this.log = log;
        }

        @Override
        public ConnectionJudge get() {
            TestClasses tests = new TestClasses(options.policy().buildDirectory().resolve("test-classes"));
            return new ConnectionJudge(options.policy(), options.offline(), log, tests);
        }
    }

    /** The final counts, written when the test JVM exits. */
    private static final class CountsAtExit implements Runnable {

        private final ConnectionLog log;

        CountsAtExit(ConnectionLog log) {
            this.log = log;
        }

        @Override
        public void run() {
            log.writeCounts();
        }
    }
}
