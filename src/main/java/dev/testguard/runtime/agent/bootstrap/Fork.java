package dev.testguard.runtime.agent.bootstrap;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * This test JVM as the bootstrap agent knows it, from the options file the build wrote: the build's token, where
 * records go, the guard's class path. Marks the fork armed (record and system property) and, when the guard cannot
 * be installed, records the error and takes the marker back, so the build fails after the tests.
 */
final class Fork {

    /** The options keys this class reads (AgentOptions writes them). */
    static final String TOKEN = "token";
    static final String RECORDS_DIRECTORY = "records.directory";
    static final String GUARD_CLASSPATH = "guard.classpath";
    /** The system property each guarded fork sets to {@code armed:<token>}; Surefire copies it into TEST-*.xml. */
    static final String FORK_MARKER = "testguard.agent";

    private final String optionsFile;
    private final Properties options;
    private final long pid;

    private Fork(String optionsFile, Properties options, long pid) {
        this.optionsFile = optionsFile;
        this.options = options;
        this.pid = pid;
    }

    static Fork read(String optionsFile) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = new FileInputStream(optionsFile)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IOException("cannot read the options file " + optionsFile, e);
        }
        if (properties.getProperty(TOKEN) == null || properties.getProperty(RECORDS_DIRECTORY) == null) {
            throw new IOException("the options file " + optionsFile + " names no token or records directory");
        }
        return new Fork(optionsFile, properties, currentPid());
    }

    /**
     * This JVM's process id: where {@code /proc/self} names it (Linux), from there, because the first use of
     * {@link ProcessHandle} builds an executor and spins lambdas, a cost at every test JVM's start; elsewhere from
     * {@link ProcessHandle}.
     */
    static long currentPid() {
        try {
            String name = new File("/proc/self").getCanonicalFile().getName();
            if (!name.isEmpty() && name.length() < 19) {
                for (int i = 0; i < name.length(); i++) {
                    if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                        return ProcessHandle.current().pid();
                    }
                }
                return Long.parseLong(name);
            }
        } catch (IOException | SecurityException e) {
            // no /proc: ask the JDK
        }
        return ProcessHandle.current().pid();
    }

    /** This JVM's process id, read once at premain (the guard's records are named by it too). */
    long pid() {
        return pid;
    }

    String optionsFile() {
        return optionsFile;
    }

    String guardClasspath() {
        return options.getProperty(GUARD_CLASSPATH, "");
    }

    static String markerValue(String token) {
        return "armed:".concat(token);
    }

    /** The fork is armed: recorded, then marked (the marker is what tells the build the tests ran guarded). */
    void armed() throws IOException {
        String token = options.getProperty(TOKEN);
        ForkRecords.append(options.getProperty(RECORDS_DIRECTORY), token, pid,
                ForkRecords.armedLine(token, pid, System.getProperty("java.runtime.version")));
        System.setProperty(FORK_MARKER, markerValue(token));
    }

    void installFailed(Throwable e) {
        System.clearProperty(FORK_MARKER);
        String message = "testguard: the runtime guard could not be installed in this test JVM (" + e
                + "), so no connection is let through and the build will fail after the tests";
        System.err.println("[testguard] ERROR " + message);
        error(message);
    }

    /** An error of the guard: the build fails after the tests. */
    void error(String message) {
        String token = options.getProperty(TOKEN);
        try {
            ForkRecords.append(options.getProperty(RECORDS_DIRECTORY), token, pid,
                    ForkRecords.errorLine(token, pid, message));
        } catch (IOException | RuntimeException e) {
            System.err.println("[testguard] ERROR " + message + " (and it could not be recorded: " + e + ")");
            System.clearProperty(FORK_MARKER);
        }
    }
}
