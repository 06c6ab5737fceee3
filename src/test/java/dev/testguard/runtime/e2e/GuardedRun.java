package dev.testguard.runtime.e2e;

import dev.testguard.runtime.agent.AgentJar;
import dev.testguard.runtime.arm.ArgLine;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** One child JVM running {@link GuardedMain} with the agent, its output kept in files. */
final class GuardedRun {

    private final int exitCode;
    private final String stdout;
    private final String stderr;

    private GuardedRun(int exitCode, String stdout, String stderr) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** {@code optionsFile} null: the same JVM without the agent. */
    static GuardedRun launch(Path javaHome, Path dir, Path optionsFile, List<String> scenarios) throws Exception {
        return launch(javaHome, dir, optionsFile, scenarios, System.getProperty("java.class.path"), "");
    }

    /** As {@link #launch(Path, Path, Path, List)} with this class path; {@code name} tells its files apart. */
    static GuardedRun launch(Path javaHome, Path dir, Path optionsFile, List<String> scenarios, String classpath,
            String name) throws Exception {
        String run = name + (optionsFile == null ? "unguarded" : "guarded");
        Path scenarioFile = Files.write(dir.resolve(run + "-scenarios.txt"), scenarios, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        if (optionsFile != null) {
            command.add(ArgLine.agentOption(AgentJar.write(dir.resolve("agent")), optionsFile, null));
        }
        command.add("-cp");
        command.add(classpath);
        command.add(GuardedMain.class.getName());
        command.add(scenarioFile.toString());
        Path out = dir.resolve(run + ".out");
        Path err = dir.resolve(run + ".err");
        Process process = new ProcessBuilder(command).directory(new File(".").getAbsoluteFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the guarded JVM did not finish within 5 minutes");
        }
        return new GuardedRun(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    int exitCode() {
        return exitCode;
    }

    String stdout() {
        return stdout;
    }

    String stderr() {
        return stderr;
    }

    /** What follows {@code RESULT name }, or a note that the scenario printed nothing. */
    String result(String name) {
        String prefix = "RESULT " + name + " ";
        return stdout.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElse("<no result line>");
    }

    /**
     * The stderr lines this run printed that the same JVM without the agent did not: the test's own libraries talk
     * on stderr too (SLF4J without a binding, Netty's native access on JDK 24+), and those lines are not the agent's.
     */
    List<String> linesNotIn(GuardedRun unguarded) {
        List<String> theirs = unguarded.stderr.lines().collect(Collectors.toList());
        return stderr.lines().filter(l -> !l.isBlank()).filter(l -> !theirs.contains(l)).collect(Collectors.toList());
    }

    String describe() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
