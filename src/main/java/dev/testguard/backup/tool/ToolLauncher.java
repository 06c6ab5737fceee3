package dev.testguard.backup.tool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes a client tool die with the build, even one killed outright (kill -9 runs no shutdown hook). On Linux the tool
 * starts as the leader of a process group of its own ({@code setsid}), beside a small watcher: while the build's JVM
 * lives, the watcher sleeps; once the JVM is gone, it kills the tool's whole group (pg_dump's parallel workers
 * included). The tool itself replaces the wrapping shell ({@code exec}), so its pid, exit code, standard streams and
 * environment are the ones Java sees; nothing secret is added to its argument list. Where {@code setsid} or a POSIX
 * shell is missing (not Linux), the tool starts directly and only the shutdown hook protects it.
 */
final class ToolLauncher {

    /** How often the watcher checks the build's JVM, in seconds: the longest a tool outlives a killed build. */
    static final String POLL_SECONDS = "0.5";

    /**
     * $1: the JVM's pid, then the tool and its arguments. The watcher ends on its own when the tool does (the JVM reaps
     * it); it holds none of the tool's pipes open.
     */
    private static final String WATCH_THEN_EXEC = "jvm=$1; shift; tool=$$; "
            + "(while kill -0 \"$jvm\" 2>/dev/null && kill -0 \"$tool\" 2>/dev/null; do sleep " + POLL_SECONDS + "; done; "
            + "if kill -0 \"$tool\" 2>/dev/null; then kill -KILL -\"$tool\"; fi) </dev/null >/dev/null 2>&1 & "
            + "exec \"$@\"";

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path SHELL = Path.of("/bin/sh");

    private ToolLauncher() {
    }

    /** The command that starts {@code executable args} so that it dies with this JVM. */
    static List<String> command(Path executable, List<String> args) {
        List<String> command = new ArrayList<>();
        if (watcherAvailable()) {
            command.addAll(List.of(SETSID.toString(), SHELL.toString(), "-c", WATCH_THEN_EXEC, "testguard-tool",
                    Long.toString(ProcessHandle.current().pid())));
        }
        command.add(executable.toString());
        command.addAll(args);
        return command;
    }

    static boolean watcherAvailable() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && Files.isExecutable(SETSID) && Files.isExecutable(SHELL);
    }
}
