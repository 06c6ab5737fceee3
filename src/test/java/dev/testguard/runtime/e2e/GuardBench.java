package dev.testguard.runtime.e2e;

import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.AgentOptions;
import dev.testguard.runtime.agent.AgentJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The runtime guard's costs (bench/runtime-guard.sh runs this): JVM start-up, 1 000 DriverManager connections and
 * 10 000 pool borrows to one {@code *_test} database, and the heap after a full GC, each measured in child JVMs with
 * and without {@code -javaagent}, alternating, in the same run. Prints medians and ratios.
 */
public final class GuardBench {

    private final Path work;
    private final String agentArgument;

    private GuardBench(Path work, String agentArgument) {
        this.work = work;
        this.agentArgument = agentArgument;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Path.of("target/bench").toAbsolutePath();
        Files.createDirectories(work);
        String db = "tg_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_test";
        admin("CREATE DATABASE \"" + db + "\"");
        try {
            GuardBench bench = new GuardBench(work, agentArgument(work));
            String url = "jdbc:postgresql://localhost:5432/" + db;
            bench.compare("JVM start (noop main), wall ms", rounds * 2, "WALL", "noop");
            bench.compare("1000 DriverManager connections, ms", rounds, "ELAPSED_MS", "dm", url, "1000");
            bench.compare("10000 Hikari borrows (pool start included), ms", rounds, "ELAPSED_MS", "hikari", url,
                    "10000");
            bench.compare("heap used after full GC (after 1000 DriverManager connections), bytes", rounds,
                    "HEAP_USED", "dm", url, "1000");
        } finally {
            admin("DROP DATABASE IF EXISTS \"" + db + "\" WITH (FORCE)");
        }
    }

    private static String agentArgument(Path work) throws Exception {
        Path jar = AgentJar.write(work.resolve("agent"));
        Path options = work.resolve("agent").resolve(AgentOptions.FILE_NAME);
        PolicySettings policy = PolicySettings.defaults(Path.of("").toAbsolutePath(),
                Path.of("target").toAbsolutePath(), false);
        new AgentOptions("bench", work.resolve("records"), GuardEndToEndTest.guardClasspath(), policy, false,
                Duration.ofSeconds(5)).write(options);
        return "-javaagent:" + jar + "=" + options;
    }

    private void compare(String what, int rounds, String key, String... args) throws Exception {
        List<Long> with = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        run(false, key, args); // warm the file cache once
        for (int i = 0; i < rounds; i++) {
            without.add(run(false, key, args));
            with.add(run(true, key, args));
        }
        long w = median(with);
        long wo = median(without);
        System.out.printf(Locale.ROOT, "%-80s without %,12d  with %,12d  added %,10d  ratio %.3f%n", what, wo, w,
                w - wo, (double) w / wo);
    }

    private long run(boolean guarded, String key, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (guarded) {
            command.add(agentArgument);
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
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (key.equals("WALL")) {
            return wall;
        }
        return Files.readAllLines(out).stream().filter(l -> l.startsWith(key + " "))
                .map(l -> Long.parseLong(l.substring(key.length() + 1).trim())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + key + " in " + out));
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
