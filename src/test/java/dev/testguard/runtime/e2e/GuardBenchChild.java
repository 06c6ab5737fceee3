package dev.testguard.runtime.e2e;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One measured JVM of bench/runtime-guard.sh: {@code noop} (start-up only), {@code dm <url> <n>} (n DriverManager
 * connections opened and closed), {@code hikari <url> <n>} (a pool, n borrows), each printing
 * {@code ELAPSED_MS} and {@code HEAP_USED} after a full GC.
 */
public final class GuardBenchChild {

    private GuardBenchChild() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        switch (args[0]) {
            case "noop":
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
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println("ELAPSED_MS " + elapsed);
        System.out.println("HEAP_USED " + heap);
        System.out.println("UPTIME_MS " + uptime);
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
        try (HikariDataSource pool = new HikariDataSource(config)) {
            for (int i = 0; i < n; i++) {
                try (Connection c = pool.getConnection()) {
                    c.getAutoCommit();
                }
            }
        }
    }
}
