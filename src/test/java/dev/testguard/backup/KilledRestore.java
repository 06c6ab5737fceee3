package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Kills a restore running in a child JVM (the JVM and all its tools, like a killed process group) at a chosen point. */
public final class KilledRestore {

    private KilledRestore() {
    }

    /** When to kill the child: while a tool runs (and for how long first), or as soon as a tool seen running has ended. */
    public record KillPoint(String tool, boolean afterItEnds, long millisInto) {
        public static KillPoint during(String tool, long millisInto) {
            return new KillPoint(tool, false, millisInto);
        }

        public static KillPoint after(String tool) {
            return new KillPoint(tool, true, 0);
        }
    }

    /** Starts {@code mainAndArgs} in a child JVM and SIGKILLs the JVM and all its descendants at {@code point}. */
    public static void killWhen(KillPoint point, String... mainAndArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArgs));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of(mainAndArgs[1]).resolveSibling(Path.of(mainAndArgs[1]).getFileName() + "-restore-child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            Optional<ProcessHandle> tool = Optional.empty();
            while (System.nanoTime() < deadline && child.isAlive() && tool.isEmpty()) {
                tool = child.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/" + point.tool())).orElse(false)
                        && !p.info().commandLine().orElse("--version").contains("--version")).findFirst();
                Thread.sleep(10);
            }
            assertThat(tool).as(point.tool() + " was seen running").isPresent();
            if (point.afterItEnds()) {
                tool.get().onExit().get();
            } else {
                Thread.sleep(point.millisInto());
            }
            assertThat(child.isAlive()).as("the restore still runs at " + point).isTrue();
            child.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL the tools...
            child.destroyForcibly(); // ...and the JVM that ran them
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }
        // the server notices the dead clients' connections and rolls their transactions back
        Thread.sleep(1000);
    }

}
