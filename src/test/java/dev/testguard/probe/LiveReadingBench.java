package dev.testguard.probe;

import static dev.testguard.probe.LocalDatabases.MARIADB_ADMIN;
import static dev.testguard.probe.LocalDatabases.POSTGRES_ADMIN;
import static dev.testguard.probe.LocalDatabases.TIMEOUT;

import dev.testguard.db.Connections;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the live checks' reads cost over an open connection (the runtime guard's first judgement; verify's probe adds
 * its connect): the one-statement {@link LiveReading} against the step-by-step reads it replaced, interleaved over the
 * same connection to a 500-row {@code *_test} database on the local PostgreSQL and MariaDB. Run by
 * {@code bench/live-reading.sh}.
 */
public final class LiveReadingBench {

    private LiveReadingBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        System.out.println("load average at start: " + loadAverage());
        String pg = LocalDatabases.uniqueName("bench_reading");
        String maria = LocalDatabases.uniqueName("bench_reading");
        LocalDatabases.createPostgres(pg);
        LocalDatabases.createMariadb(maria);
        try {
            LocalDatabases.execute(LocalDatabases.postgres(pg), POSTGRES_ADMIN, "CREATE TABLE orders(id int)",
                    "INSERT INTO orders SELECT generate_series(1, 500)", "ANALYZE orders");
            LocalDatabases.execute(LocalDatabases.mariadb(maria), MARIADB_ADMIN, "CREATE TABLE items(id INT)",
                    "INSERT INTO items SELECT seq FROM seq_1_to_500", "ANALYZE TABLE items");
            compare(LocalDatabases.postgres(pg), POSTGRES_ADMIN, rounds);
            compare(LocalDatabases.mariadb(maria), MARIADB_ADMIN, rounds);
        } finally {
            LocalDatabases.dropPostgres(pg);
            LocalDatabases.dropMariadb(maria);
        }
        System.out.println("load average at end: " + loadAverage());
    }

    private static void compare(JdbcUrl url, Credentials login, int rounds) throws SQLException {
        long[] stepByStep = new long[rounds];
        long[] together = new long[rounds];
        try (Connection c = Connections.open(url, login, TIMEOUT)) {
            for (int i = 0; i < rounds / 5; i++) { // warm-up: the drivers' and the servers' caches
                readStepByStep(url, c);
                new LiveReading().read(url, c);
            }
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                readStepByStep(url, c);
                long middle = System.nanoTime();
                new LiveReading().read(url, c);
                stepByStep[i] = middle - start;
                together[i] = System.nanoTime() - middle;
            }
        }
        long before = median(stepByStep);
        long after = median(together);
        System.out.printf(Locale.ROOT, "%-11s stamp, rows and identity over an open connection, median of %d interleaved:"
                + " step by step %,8d us, one statement %,8d us, ratio %.3f%n", url.vendor().displayName(), rounds,
                before / 1000, after / 1000, (double) after / before);
    }

    /** The reads as they were before {@link LiveReading}: one statement per question. */
    private static void readStepByStep(JdbcUrl url, Connection c) throws SQLException {
        StampStores.forVendor(url.vendor()).orElseThrow().read(c);
        RowEstimates.estimate(url.vendor(), c);
        ServerIdentities.read(url, c);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
