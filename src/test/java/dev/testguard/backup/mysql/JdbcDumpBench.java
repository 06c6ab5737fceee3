package dev.testguard.backup.mysql;

import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupOutcome;
import java.nio.file.Path;

/**
 * Benchmark entry point for bench/backup-mysql-jdbc.sh: dumps one database of the local MariaDB
 * with the built-in JDBC engine. Usage: {@code JdbcDumpBench <database> <payload>}.
 */
public final class JdbcDumpBench {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        BackupOutcome outcome = new JdbcMysqlDumpEngine().backup(MariaDbFixture.target(args[0]), Path.of(args[1]),
                BackupOptions.DEFAULTS, line -> System.err.println("  progress: " + line));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("jdbc-mysql rows=" + outcome.rowCounts() + " millis=" + millis
                + " heapMax=" + Runtime.getRuntime().maxMemory() / 1_048_576 + "MB");
    }
}
