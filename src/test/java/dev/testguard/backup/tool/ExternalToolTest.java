package dev.testguard.backup.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child tool (pg_dump and friends) never outlives the goal that started it, nor the JVM. */
class ExternalToolTest {

    @TempDir
    Path dir;

    /** A shell that writes the pid of its long-running child (a stand-in for pg_dump) to {@code pidFile}. */
    static List<String> longRunningChild(Path pidFile) {
        return List.of("-c", "sleep 120 & echo $! > '" + pidFile + "'; wait");
    }

    @Test
    void aGoalThatStopsKillsTheToolAndItsChildren() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread goal = new Thread(() -> {
            try {
                new ExternalTool(Path.of("/bin/sh")).run(longRunningChild(pidFile), Map.of(), null, l -> { }, l -> { });
            } catch (BackupException e) {
                failure.set(e);
            }
        });
        goal.start();
        long child = awaitPid(pidFile);
        assertThat(ProcessHandle.of(child)).map(ProcessHandle::isAlive).contains(true);

        goal.interrupt();
        goal.join(10_000);

        assertThat(goal.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(BackupException.class).hasMessageContaining("interrupted");
        awaitDead(child);
    }

    @Test
    void aJvmThatExitsMidwayKillsTheTool() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ExitMidway.class.getName(), pidFile.toString())
                .redirectErrorStream(true).start();
        long child = awaitPid(pidFile);

        assertThat(jvm.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("the JVM exits").isTrue();

        awaitDead(child);
    }

    @Test
    void aJvmKilledOutrightTakesTheToolAndItsChildrenWithIt() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RunUntilKilled.class.getName(), pidFile.toString())
                .redirectErrorStream(true).start();
        long grandchild = awaitPid(pidFile);
        List<ProcessHandle> tools = jvm.descendants().toList();
        assertThat(tools).as("the tool and its child run").hasSizeGreaterThanOrEqualTo(2);

        jvm.destroyForcibly(); // SIGKILL of the JVM alone: no shutdown hook runs
        assertThat(jvm.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        awaitDead(grandchild);
        for (ProcessHandle tool : tools) {
            awaitDead(tool.pid());
        }
    }

    @Test
    void theToolKeepsItsOwnPidExitCodeAndEnvironmentBehindTheWatcher() throws Exception {
        ExternalTool.Result r = new ExternalTool(Path.of("/bin/sh")).run(List.of("-c", "echo \"$$ $PPID $TG_SECRET_ENV\""),
                Map.of("TG_SECRET_ENV", "from-env"), null, l -> { }, l -> { });

        String[] pidParentEnv = r.stdout().trim().split(" ");
        assertThat(pidParentEnv[1]).as("the tool is the JVM's own child").isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(pidParentEnv[2]).isEqualTo("from-env");
        assertThat(ToolLauncher.command(Path.of("/usr/bin/pg_dump"), List.of("--dbname=x")))
                .as("nothing but the tool's own arguments, the JVM's pid and the watcher script reach ps")
                .endsWith("/usr/bin/pg_dump", "--dbname=x");
        assertThat(ToolLauncher.watcherAvailable()).as("Linux has setsid and sh: the watcher is in use").isTrue();
    }

    @Test
    void exitCodeAndOutputStillComeBack() throws Exception {
        ExternalTool.Result r = new ExternalTool(Path.of("/bin/sh")).run(List.of("-c", "cat; echo oops >&2; exit 3"), Map.of(),
                new java.io.ByteArrayInputStream("fed in\n".getBytes()), l -> { }, l -> { });

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("fed in\n");
        assertThat(r.stderrTail()).isEqualTo("oops");
        assertThatThrownBy(() -> new ExternalTool(dir.resolve("no-such-tool")).run(List.of(), Map.of(), null, l -> { }, l -> { }))
                .isInstanceOf(BackupException.class).hasMessageContaining("cannot run");
    }

    static long awaitPid(Path pidFile) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(pidFile) && !Files.readString(pidFile).isBlank()) {
                return Long.parseLong(Files.readString(pidFile).trim());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the tool never started");
    }

    static void awaitDead(long pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(50);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("child " + pid + " is gone").isFalse();
    }

    /** Runs a long tool (a shell with a child of its own) until someone kills this JVM. */
    public static final class RunUntilKilled {
        public static void main(String[] args) throws Exception {
            new ExternalTool(Path.of("/bin/sh")).run(longRunningChild(Path.of(args[0])), Map.of(), null, l -> { }, l -> { });
        }
    }

    /** Runs a long tool and exits the JVM (as a failed build does) while it runs. */
    public static final class ExitMidway {
        public static void main(String[] args) throws Exception {
            Path pidFile = Path.of(args[0]);
            Thread exit = new Thread(() -> {
                try {
                    awaitPid(pidFile);
                    Thread.sleep(1000); // midway: the tool has been running for a while
                } catch (Exception e) {
                    // exit anyway
                }
                System.exit(1);
            });
            exit.start();
            new ExternalTool(Path.of("/bin/sh")).run(longRunningChild(pidFile), Map.of(), null, l -> { }, l -> { });
        }
    }
}
