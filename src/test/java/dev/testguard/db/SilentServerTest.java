package dev.testguard.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.mysql.JdbcMysqlDumpEngine;
import dev.testguard.backup.mysql.MysqlDumpEngine;
import dev.testguard.backup.postgres.PgDumpEngine;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.policy.PolicySettings;
import dev.testguard.policy.TestClassifiers;
import dev.testguard.probe.LiveProbe;
import dev.testguard.probe.Stamp;
import dev.testguard.probe.Stamper;
import dev.testguard.provision.ProvisionRegistry;
import dev.testguard.provision.Provisioner;
import dev.testguard.provision.Releaser;
import dev.testguard.reset.BaselineMode;
import dev.testguard.reset.ResetOptions;
import dev.testguard.reset.Resetter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that accepts TCP and never says a word (a dead tunnel, a hung server): the kernel completes the handshake
 * from the backlog, nobody calls accept(). Every code path of every goal must give up after its timeout (10 s for
 * the destructive goals and backups) instead of hanging the build; each path here gets its own silent port, and they
 * run side by side so the test costs one timeout, not one per path.
 */
class SilentServerTest {

    /** The goals' connect timeout is 10 s; generous slack for a loaded machine, far below "forever". */
    private static final Duration BOUND = Duration.ofSeconds(25);

    @TempDir
    Path project;

    private final List<ServerSocket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws Exception {
        for (ServerSocket socket : sockets) {
            socket.close();
        }
    }

    private int silentPort() throws Exception {
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        return socket.getLocalPort();
    }

    private static DatabaseTarget target(String vendor, int port, String db) {
        return vendor.equals("postgresql")
                ? new DatabaseTarget(JdbcUrlParser.parse("jdbc:postgresql://127.0.0.1:" + port + "/" + db), new Credentials("postgres", null))
                : new DatabaseTarget(JdbcUrlParser.parse("jdbc:mariadb://127.0.0.1:" + port + "/" + db), new Credentials("root", ""));
    }

    /** One step of one goal against a silent server; it must throw (any failure in words), not hang. */
    interface Step {
        void run(DatabaseTarget target) throws Exception;
    }

    private Map<String, Step> steps(String vendor) {
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("backup (built-in engine)", t -> (vendor.equals("postgresql") ? new PgDumpEngine() : new JdbcMysqlDumpEngine())
                .backup(t, project.resolve(vendor + "-jdbc.dump"), BackupOptions.DEFAULTS, line -> { }));
        if (!vendor.equals("postgresql")) {
            MysqlDumpEngine.onPath().ifPresent(engine -> steps.put("backup (mariadb-dump)", t -> engine.backup(t,
                    project.resolve(vendor + "-tool.sql"), BackupOptions.DEFAULTS, line -> { })));
        }
        steps.put("reset", t -> new Resetter(project, "g:a", Clock.systemUTC())
                .reset(t, new ResetOptions(BaselineMode.USE, List.of(), "k")));
        steps.put("stamp", t -> new Stamper().stamp(t, Stamp.Role.TEST, "g:a", null, 10_000, Duration.ofSeconds(10)));
        steps.put("provision", t -> new Provisioner(t, "tgsilent_", Clock.systemUTC(),
                new ProvisionRegistry(project.resolve(vendor + "-provisioned.json")), "g:a", project)
                .provision(1, null, null, TestClassifiers.standard(PolicySettings.defaults(project, project.resolve("target"), false),
                        LiveProbe.OFFLINE, null)));
        steps.put("release", t -> new Releaser(t, "tgsilent_", Clock.systemUTC(),
                new ProvisionRegistry(project.resolve(vendor + "-provisioned.json"))).cleanLeftovers(Duration.ofHours(6), Set.of()));
        steps.put("admin", t -> DatabaseAdmins.forTarget(t).exists("app_test"));
        return steps;
    }

    @Test
    void everyGoalGivesUpOnASilentServerOnBothVendors() {
        assertTimeoutPreemptively(BOUND, () -> {
            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, "silent-server-step");
                thread.setDaemon(true); // on a hang, the test fails and the JVM still ends
                return thread;
            });
            try {
                Map<String, Future<Throwable>> outcomes = new LinkedHashMap<>();
                for (String vendor : List.of("postgresql", "mariadb")) {
                    for (Map.Entry<String, Step> step : steps(vendor).entrySet()) {
                        DatabaseTarget target = target(vendor, silentPort(), "app_test");
                        outcomes.put(vendor + " " + step.getKey(), pool.submit(() -> {
                            try {
                                step.getValue().run(target);
                                return null;
                            } catch (Exception e) {
                                return e;
                            }
                        }));
                    }
                }
                for (Map.Entry<String, Future<Throwable>> outcome : outcomes.entrySet()) {
                    Throwable failure = outcome.getValue().get();
                    assertThat(failure).as(outcome.getKey()).isNotNull();
                    assertThat(failure.getMessage()).as(outcome.getKey()).isNotBlank().doesNotContain("Pw");
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }

    /** Whichever vendor asks first pays the timeout; every later connection to that host:port fails at once. */
    @Test
    void aSilentHostCostsOneTimeoutPerBuildForAllVendors() throws Exception {
        int port = silentPort();
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                Connections.open(target("postgresql", port, "one_test"), Duration.ofSeconds(2)).close();
            } catch (java.sql.SQLException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
        for (String vendor : List.of("mariadb", "postgresql")) {
            long start = System.nanoTime();
            Throwable failure = null;
            try {
                Connections.open(target(vendor, port, "two_test"), Duration.ofSeconds(10)).close();
            } catch (java.sql.SQLException e) {
                failure = e;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(failure).as(vendor).isNotNull();
            assertThat(failure.getMessage()).as(vendor)
                    .contains("no answer from 127.0.0.1:" + port).contains("not retried in this build");
            assertThat(millis).as(vendor).isLessThan(1000);
        }
    }
}
