package dev.testguard.runtime.agent;

import dev.testguard.runtime.AgentOptions;
import dev.testguard.runtime.agent.bootstrap.Bridge;
import dev.testguard.runtime.judge.ConnectionJudge;
import dev.testguard.runtime.judge.ConnectionLog;
import dev.testguard.runtime.judge.TestClasses;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Installs the runtime guard in the test JVM: the hooks behind {@link Bridge}, and the transformer ({@link GuardWeaver}) the
 * bootstrap agent's gate hands candidate classes to. Called inside the isolated guard loader at the first class that
 * may need weaving (most test JVMs load none, and each would pay the guard's start-up); the policy is read at the
 * first connection.
 */
public final class GuardInstaller {

    private GuardInstaller() {
    }

    /**
     * @param pid this JVM's process id as the bootstrap agent read it (asking {@link ProcessHandle} would build an
     *            executor and spin lambdas at the first connection)
     * @return the transformer that weaves the classes the gate lets through
     */
    public static ClassFileTransformer install(Path optionsFile, long pid) {
        AgentOptions options = AgentOptions.read(optionsFile);
        ConnectionLog log = new ConnectionLog(options.recordsDirectory(), options.token(), pid);
        ClassFileTransformer weaving = new GuardWeaver(log);
        Bridge.install(new GuardHooks(new JudgeFactory(options, log), log));
        Runtime.getRuntime().addShutdownHook(new Thread(new CountsAtExit(log), "testguard-records"));
        return weaving;
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
