package dev.testguard.backup.tool;

import dev.testguard.backup.BackupException;
import dev.testguard.jdbc.Secrets;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.codehaus.plexus.util.cli.StreamConsumer;
import org.codehaus.plexus.util.cli.StreamFeeder;
import org.codehaus.plexus.util.cli.StreamPumper;

/**
 * Runs a database client (pg_dump, pg_restore, mariadb-dump, mariadb...) as a child process.
 * Secrets go through the environment, never the argument list, which any user can read in {@code ps}.
 * Everything the tool prints is masked before anyone sees it.
 */
public final class ExternalTool {

    private static final int STDERR_TAIL_LINES = 20;
    /** Children still running; one hook, registered before the first starts, kills them when the JVM exits. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ExternalTool::destroyTree), "testguard-stop-tools"));
    }

    private final Path executable;

    public ExternalTool(Path executable) {
        this.executable = executable;
    }

    public Path executable() {
        return executable;
    }

    /** The first of {@code names} found on PATH, e.g. {@code find("mariadb-dump", "mysqldump")}. */
    public static Optional<ExternalTool> find(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(new ExternalTool(candidate));
                }
            }
        }
        return Optional.empty();
    }

    /** Runs {@code executable --version} and returns its first line. */
    public String versionLine() throws BackupException {
        Result r = run(List.of("--version"), Map.of(), null, line -> { }, line -> { });
        if (r.exitCode() != 0) {
            throw new BackupException(executable + " --version failed (exit " + r.exitCode() + "): " + r.stderrTail());
        }
        return r.stdout().lines().findFirst().orElse("").trim();
    }

    /**
     * Runs the tool to completion.
     *
     * @param args        arguments (no secrets here)
     * @param environment extra environment, e.g. {@code PGPASSWORD} or {@code MYSQL_PWD}
     * @param stdin       fed to the tool's standard input, or null
     * @param onStdout    each line of standard output (keep it small: output is also collected)
     * @param onStderr    each masked line of standard error, e.g. for progress from {@code --verbose}
     */
    public Result run(List<String> args, Map<String, String> environment, InputStream stdin,
                      Consumer<String> onStdout, Consumer<String> onStderr) throws BackupException {
        String[] secrets = environment.values().toArray(new String[0]);
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new BackupException("cannot run " + executable + ": it is not an executable file. Install the client"
                    + " tools, or put them on the PATH of the build.");
        }
        ProcessBuilder builder = new ProcessBuilder(ToolLauncher.command(executable, args));
        builder.environment().putAll(environment);
        StringBuilder stdout = new StringBuilder();
        Deque<String> stderrTail = new ArrayDeque<>();
        StreamConsumer outLines = line -> {
            stdout.append(line).append('\n');
            onStdout.accept(line);
        };
        StreamConsumer errLines = line -> {
            String masked = Secrets.maskText(line, secrets);
            synchronized (stderrTail) {
                stderrTail.addLast(masked);
                if (stderrTail.size() > STDERR_TAIL_LINES) {
                    stderrTail.removeFirst();
                }
            }
            onStderr.accept(masked);
        };
        try {
            int exit = runOwned(builder, stdin, outLines, errLines);
            return new Result(exit, stdout.toString(), String.join(System.lineSeparator(), stderrTail));
        } catch (IOException e) {
            throw new BackupException("cannot run " + executable + ": " + Secrets.maskText(e.getMessage(), secrets), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(executable.getFileName() + " was stopped: the build was interrupted", e);
        }
    }

    /**
     * The child belongs to this goal: whatever ends the goal (an exception, an interrupt) or the JVM (Ctrl-C, a
     * failed build) kills it and its own children, so no pg_dump keeps running, holding locks, after the build. A JVM
     * killed outright (kill -9) runs no hook: there the {@link ToolLauncher}'s watcher kills the tool's process group.
     */
    private static int runOwned(ProcessBuilder builder, InputStream stdin, StreamConsumer out, StreamConsumer err)
            throws IOException, InterruptedException {
        Process process = builder.start();
        RUNNING.add(process);
        try {
            StreamFeeder feeder = null;
            if (stdin == null) {
                process.getOutputStream().close();
            } else {
                feeder = new StreamFeeder(stdin, process.getOutputStream());
                feeder.start();
            }
            StreamPumper outPump = new StreamPumper(process.getInputStream(), out);
            StreamPumper errPump = new StreamPumper(process.getErrorStream(), err);
            outPump.start();
            errPump.start();
            int exit = process.waitFor();
            if (feeder != null) {
                feeder.waitUntilDone();
                feeder.close();
            }
            outPump.waitUntilDone();
            errPump.waitUntilDone();
            return exit;
        } finally {
            destroyTree(process);
            RUNNING.remove(process);
        }
    }

    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Exit code, collected standard output and the last lines of (masked) standard error. */
    public record Result(int exitCode, String stdout, String stderrTail) {
    }

    @Override
    public String toString() {
        return executable.toString();
    }

}
