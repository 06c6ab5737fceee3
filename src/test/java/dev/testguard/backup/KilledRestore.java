package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Kills a build running in a child JVM: a restore with all its tools (like a killed process group) at a chosen point, or
 * the JVM alone, to see that its tools die with it.
 */
public final class KilledRestore {

    private KilledRestore() {
    }

    /**
     * When to kill the child: while a tool runs (and for how long first), or as soon as a tool seen running has ended and
     * {@code then} holds (polled; a condition on the server, such as the restore's own verifying query running, makes the
     * point exact where the time after the tool would be a race).
     */
    public record KillPoint(String tool, boolean afterItEnds, long millisInto, BooleanSupplier then) {
        public static KillPoint during(String tool, long millisInto) {
            return new KillPoint(tool, false, millisInto, () -> true);
        }

        public static KillPoint after(String tool) {
            return new KillPoint(tool, true, 0, () -> true);
        }

        /** Once {@code tool} was seen running, as soon as {@code then} holds (whether or not the tool still runs). */
        public static KillPoint when(String tool, BooleanSupplier then) {
            return new KillPoint(tool, false, 0, then);
        }
    }

    /** Starts {@code mainAndArgs} in a child JVM and SIGKILLs the JVM and all its descendants at {@code point}. */
    public static void killWhen(KillPoint point, String... mainAndArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArgs));
        Path childLog = Path.of(mainAndArgs[1]).resolveSibling(Path.of(mainAndArgs[1]).getFileName() + "-restore-child.log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            Optional<ProcessHandle> tool = Optional.empty();
            while (System.nanoTime() < deadline && child.isAlive() && tool.isEmpty()) {
                tool = child.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/" + point.tool())).orElse(false)
                        && doesTheWork(p.info().commandLine().orElse("--version"))).findFirst();
                Thread.sleep(10);
            }
            assertThat(tool).as(point.tool() + " was seen running").isPresent();
            if (point.afterItEnds()) {
                tool.get().onExit().get();
            } else {
                Thread.sleep(point.millisInto());
            }
            while (System.nanoTime() < deadline && child.isAlive() && !point.then().getAsBoolean()) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("the restore still runs at %s; its output:%n%s", point,
                    Files.readString(childLog)).isTrue();
            child.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL the tools...
            child.destroyForcibly(); // ...and the JVM that ran them
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }
        // the server notices the dead clients' connections and rolls their transactions back
        Thread.sleep(1000);
    }


    /** Not a quick query of the tool's (its version, or pg_restore's table of contents read before a restore). */
    private static boolean doesTheWork(String commandLine) {
        return !commandLine.contains("--version") && !commandLine.contains("--list");
    }

    /**
     * SIGKILL of the build's JVM alone (no shutdown hook runs, its tools are not touched), then: within 5 s no process on
     * the machine names {@code database} any more (a tool working on it, or its wrapper).
     */
    public static void killJvmAloneThenNoToolNames(Process jvm, String database) throws Exception {
        jvm.destroyForcibly();
        jvm.waitFor();
        long gone = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < gone && !toolsNaming(database).isEmpty()) {
            Thread.sleep(50);
        }
        assertThat(toolsNaming(database)).as("no tool outlives the killed build by more than 5 s").isEmpty();
    }

    /** Every process on the machine but this one whose command line names {@code database}, JVMs left out. */
    public static List<String> toolsNaming(String database) {
        return ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid())
                .map(p -> p.info().commandLine().orElse("")).filter(c -> c.contains(database) && !c.contains("java"))
                .toList();
    }
}
