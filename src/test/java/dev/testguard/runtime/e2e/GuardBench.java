package dev.testguard.runtime.e2e;

import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.AgentOptions;
import dev.testguard.runtime.agent.AgentJar;
import dev.testguard.runtime.arm.ArgLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The runtime guard's costs (bench/runtime-guard.sh runs this): JVM start-up, 1 000 DriverManager connections and
 * 10 000 pool borrows to one {@code *_test} database (pool start, steady state and the whole run), and the heap
 * after a full GC, each measured in child JVMs with and without the agent (as the plugin arms it), alternating, in
 * the same run.
 * Prints medians, ratios and the load average.
 */
public final class GuardBench {

    /** Optional: the agent argument of another build of the guard (e.g. the previous one), measured too. */
    static final String BASELINE = "bench.baseline.agent";

    private final Path work;
    private final String agentArgument;
    private final String baselineArgument = System.getProperty(BASELINE, "");

    private GuardBench(Path work, String agentArgument) {
        this.work = work;
        this.agentArgument = agentArgument;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean hikariOnly = args.length > 1 && "hikari".equals(args[1]);
        Path work = Path.of("target/bench").toAbsolutePath();
        Files.createDirectories(work);
        String db = "tg_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_test";
        admin("CREATE DATABASE \"" + db + "\"");
        try {
            GuardBench bench = new GuardBench(work, agentArgument(work));
            String url = "jdbc:postgresql://localhost:5432/" + db;
            System.out.println("load average at start: " + loadAverage());
            if (!hikariOnly) {
                bench.startAndDriverManager(rounds, url);
            }
            bench.compare(rounds, new String[] {"hikari", url, "10000"},
                    "ELAPSED_MS", "10000 Hikari borrows, pool start and close included (goal: ratio <= 1.02), ms",
                    "SETUP_MS", "  of which pool start and first borrow (one-off: driver weaving, first judgement), ms",
                    "STEADY_US", "  of which the other 9999 borrows (steady state), us",
                    "STEADY_CPU_US", "  the same 9999 borrows, the borrowing thread's CPU time, us",
                    "HEAP_USED", "heap used after full GC, 10000 Hikari borrows (goal: < 10 MB added), bytes");
            System.out.println("load average at end: " + loadAverage());
        } finally {
            admin("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
        }
    }

    private void startAndDriverManager(int rounds, String url) throws Exception {
        compare(rounds * 2, new String[] {"noop"}, "WALL", "JVM start (noop main), wall ms",
                "MAIN_CPU_MS", "  main thread CPU of it (steadier than wall under load), ms",
                "HEAP_USED", "heap used after full GC, noop main (goal: < 10 MB added), bytes");
        compare(rounds * 2, new String[] {"junit"}, "WALL",
                "JVM start and one JUnit test through the launcher (goal: <= 50 ms added), wall ms",
                "MAIN_CPU_MS", "  main thread CPU of it (start-up and test; steadier than wall under load), ms");
        compare(rounds, new String[] {"dm", url, "1000"},
                "ELAPSED_MS", "1000 DriverManager connections (goal: ratio <= 1.10), ms",
                "HEAP_USED", "heap used after full GC, 1000 DriverManager connections (goal: < 10 MB added), bytes");
    }

    private static String agentArgument(Path work) throws Exception {
        Path jar = AgentJar.write(work.resolve("agent"));
        Path options = work.resolve("agent").resolve(AgentOptions.FILE_NAME);
        PolicySettings policy = PolicySettings.defaults(Path.of("").toAbsolutePath(),
                Path.of("target").toAbsolutePath(), false);
        new AgentOptions("bench", work.resolve("records"), guardClasspath(work.resolve("agent")), policy, false,
                Duration.ofSeconds(5)).write(options);
        return ArgLine.agentOption(jar, options, null); // the form the plugin arms
    }

    /**
     * The guard's class path as users get it: one plugin jar (target/classes with Byte Buddy shaded in, as
     * maven-shade-plugin packs it, unrelocated here) first, then the plugin's libraries; not the classes directory,
     * whose loading differs from a jar's.
     */
    private static List<Path> guardClasspath(Path agentDirectory) throws IOException {
        Path pluginJar = agentDirectory.resolve("testguard-maven-plugin-bench.jar");
        List<Path> classpath = new ArrayList<>(List.of(pluginJar));
        Set<String> names = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(pluginJar))) {
            Path classes = Path.of("target/classes").toAbsolutePath();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    add(out, names, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
            for (Path entry : GuardEndToEndTest.guardClasspath()) {
                if (entry.getFileName().toString().startsWith("byte-buddy-")) {
                    shade(out, names, entry);
                } else if (!entry.equals(classes)) {
                    classpath.add(entry);
                }
            }
        }
        return classpath;
    }

    /** The entries the plugin's shade configuration keeps: no manifest, Maven metadata, versions or module-info. */
    private static void shade(JarOutputStream out, Set<String> names, Path library) throws IOException {
        try (JarFile jar = new JarFile(library.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                String name = e.getName();
                if (!e.isDirectory() && !name.startsWith("META-INF/") && !name.equals("module-info.class")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        add(out, names, name, in.readAllBytes());
                    }
                }
            }
        }
    }

    private static void add(JarOutputStream out, Set<String> names, String name, byte[] bytes) throws IOException {
        if (names.add(name)) {
            out.putNextEntry(new JarEntry(name));
            out.write(bytes);
            out.closeEntry();
        }
    }

    /** Runs the child with {@code args}, without and with the guard alternating; prints each key's medians. */
    private void compare(int rounds, String[] args, String... keysAndLabels) throws Exception {
        Map<String, List<Long>> with = new HashMap<>();
        Map<String, List<Long>> without = new HashMap<>();
        Map<String, List<Long>> baseline = new HashMap<>();
        run(null, args); // warm the file cache once
        for (int i = 0; i < rounds; i++) {
            add(without, run(null, args));
            add(with, run(agentArgument, args));
            if (!baselineArgument.isEmpty()) {
                add(baseline, run(baselineArgument, args));
            }
        }
        for (int k = 0; k < keysAndLabels.length; k += 2) {
            long w = median(with.get(keysAndLabels[k]));
            long wo = median(without.get(keysAndLabels[k]));
            System.out.printf(Locale.ROOT, "%-105s without %,12d  with %,12d  added %,10d  ratio %.3f%n",
                    keysAndLabels[k + 1], wo, w, w - wo, (double) w / wo);
            if (!baselineArgument.isEmpty()) {
                long b = median(baseline.get(keysAndLabels[k]));
                System.out.printf(Locale.ROOT, "%-105s                       baseline %,12d  added %,10d  ratio %.3f%n",
                        "", b, b - wo, (double) b / wo);
            }
        }
    }

    private static void add(Map<String, List<Long>> figures, Map<String, Long> run) {
        run.forEach((key, value) -> figures.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
    }

    /** The child's (with {@code agent}, an agent argument, or none) {@code KEY value} lines, and {@code WALL}: the child's wall time seen from here. */
    private Map<String, Long> run(String agent, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (agent != null) {
            command.add(agent);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GuardBenchChild.class.getName());
        Collections.addAll(command, args);
        Path out = work.resolve("child.out");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("the bench JVM failed: " + Files.readString(out));
        }
        Map<String, Long> figures = new HashMap<>();
        figures.put("WALL", (System.nanoTime() - start) / 1_000_000);
        for (String line : Files.readAllLines(out)) {
            String[] parts = line.split(" ");
            if (parts.length == 2 && parts[0].matches("[A-Z_]+") && parts[1].matches("\\d+")) {
                figures.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return figures;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
