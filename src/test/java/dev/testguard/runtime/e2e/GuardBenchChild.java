package dev.testguard.runtime.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * One measured JVM of bench/runtime-guard.sh: {@code noop} (start-up only), {@code junit} (start-up, then one test
 * run by the JUnit Platform launcher as in a Surefire fork: the classes a test JVM loads before its first test),
 * {@code dm <url> <n>} (n DriverManager connections opened and closed), {@code hikari <url> <n>} (a pool, n
 * borrows), each printing {@code ELAPSED_MS}, {@code MAIN_CPU_MS} (the main thread's CPU time from JVM start,
 * premain included) and {@code HEAP_USED} after a full GC; {@code hikari} also prints {@code SETUP_MS} (pool start
 * and the first borrow) and {@code STEADY_MS}, {@code STEADY_US} and {@code STEADY_CPU_US} (the other n - 1 borrows:
 * wall time, and the borrowing thread's CPU time, which a busy machine disturbs less).
 */
public final class GuardBenchChild {

    private GuardBenchChild() {
    }

    public static void main(String[] args) throws Exception {
        if ("hikari".equals(args[0])) {
            ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(); // loaded before anything is timed
        }
        long start = System.nanoTime();
        switch (args[0]) {
            case "noop":
                break;
            case "junit":
                junit();
                break;
            case "dm":
                driverManager(args[1], Integer.parseInt(args[2]));
                break;
            case "hikari":
                hikari(args[1], Integer.parseInt(args[2]));
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println("ELAPSED_MS " + elapsed);
        System.out.println("HEAP_USED " + heap);
        System.out.println("UPTIME_MS " + uptime);
        System.out.println("MAIN_CPU_MS " + mainCpu);
    }

    private static void junit() {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(FirstTest.class)).build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, listener);
        if (listener.getSummary().getTestsSucceededCount() != 1) {
            throw new IllegalStateException("the JUnit test did not pass: " + listener.getSummary().getFailures());
        }
    }

    /** The test {@code junit} runs (not one of the build's: Surefire runs only *Test/Test* classes by file name). */
    static class FirstTest {

        @Test
        void runs() {
            assertEquals(2, Math.addExact(1, 1));
        }
    }

    private static void driverManager(String url, int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                c.getAutoCommit();
            }
        }
    }

    private static void hikari(String url, int n) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            borrow(pool);
            long steady = System.nanoTime();
            long steadyCpu = threads.getCurrentThreadCpuTime();
            System.out.println("SETUP_MS " + (steady - start) / 1_000_000);
            for (int i = 1; i < n; i++) {
                borrow(pool);
            }
            long end = System.nanoTime();
            System.out.println("STEADY_MS " + (end - steady) / 1_000_000);
            System.out.println("STEADY_US " + (end - steady) / 1_000);
            System.out.println("STEADY_CPU_US " + (threads.getCurrentThreadCpuTime() - steadyCpu) / 1_000);
        }
    }

    private static void borrow(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.getAutoCommit();
        }
    }
}
