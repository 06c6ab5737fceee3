package dev.testguard.provision;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.PolicySettings;
import dev.testguard.policy.TestClassifiers;
import dev.testguard.probe.LiveProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** What the tests of the pool of ready copies share (PostgreSQL and MariaDB). */
final class PoolFixture {

    private PoolFixture() {
    }

    static ProvisionRegistry registry(Path project, String build) {
        return new ProvisionRegistry(project.resolve(build + "/provisioned.json"));
    }

    /** The databases the registries under {@code project} still list (what a failed test left). */
    static Set<String> registered(Path project) throws Exception {
        Set<String> out = new HashSet<>();
        try (var registries = Files.walk(project)) {
            for (Path file : registries.filter(f -> f.getFileName().toString().equals("provisioned.json")).toList()) {
                new ProvisionRegistry(file).read().forEach(d -> out.add(d.name()));
            }
        }
        return out;
    }

    /** Those of spares 1 to 8 ({@code name} of k) that exist. */
    static List<String> existing(DatabaseAdmin admin, IntFunction<String> name) throws Exception {
        List<String> out = new ArrayList<>();
        for (int k = 1; k <= 8; k++) {
            if (admin.exists(name.apply(k))) {
                out.add(name.apply(k));
            }
        }
        return out;
    }

    /** Runs {@code builds} provisions at once (a latch starts them together); their results, in order. */
    static List<Provisioner.Result> atOnce(int builds, IntFunction<Callable<Provisioner.Result>> build) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(builds);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Provisioner.Result>> runs = new ArrayList<>();
            for (int i = 0; i < builds; i++) {
                Callable<Provisioner.Result> task = build.apply(i);
                runs.add(threads.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<Provisioner.Result> out = new ArrayList<>();
            for (Future<Provisioner.Result> run : runs) {
                out.add(run.get());
            }
            return out;
        } finally {
            threads.shutdown();
        }
    }

    /**
     * Fills {@code src} (a new MariaDB database) with {@code rows} items, two parts referencing them, an audit table, a
     * view and a trigger: what a pool must carry over or recreate.
     */
    static void fillMariadbSource(DatabaseTarget src, int rows) throws Exception {
        exec(src, "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40))",
                "INSERT INTO items SELECT seq, MD5(seq) FROM seq_1_to_" + rows,
                "CREATE TABLE parts (id INT PRIMARY KEY, item INT, FOREIGN KEY (item) REFERENCES items (id))",
                "INSERT INTO parts VALUES (1, 1), (2, 2)",
                "CREATE TABLE audit (n INT)",
                "CREATE VIEW named AS SELECT id, name FROM items WHERE id BETWEEN 1 AND 10",
                "CREATE TRIGGER count_parts AFTER INSERT ON parts FOR EACH ROW INSERT INTO audit VALUES (NEW.id)");
    }

    static Classifier classifier(Path project) {
        return TestClassifiers.standard(PolicySettings.defaults(project, project.resolve("target"), false), LiveProbe.OFFLINE, null);
    }

    static void exec(DatabaseTarget db, String... sql) throws Exception {
        try (Connection c = Connections.open(db, Duration.ofSeconds(10)); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
