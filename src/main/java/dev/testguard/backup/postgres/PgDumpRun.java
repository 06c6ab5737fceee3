package dev.testguard.backup.postgres;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.Beside;
import dev.testguard.backup.Progress;
import dev.testguard.backup.tool.ExternalTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One pg_dump on a thread of its own, so that it starts the moment its snapshot is exported while the checks, row counts
 * and checksums run beside it; {@link #stop} kills it when that work fails.
 */
final class PgDumpRun {

    private final ProgressTicker ticker;
    private final Beside<ExternalTool.Result> running;

    private PgDumpRun(ExternalTool pgDump, List<String> args, Map<String, String> environment, ProgressTicker ticker) {
        this.ticker = ticker;
        this.running = Beside.start("pg_dump", () -> pgDump.run(args, environment, null, line -> { }, ticker::onToolLine));
    }

    /** Starts pg_dump with {@code args}; progress lines every {@code every} (the table count is told later). */
    static PgDumpRun start(ExternalTool pgDump, List<String> args, Map<String, String> environment, String database,
                           Path payload, Duration every, Progress progress) {
        return new PgDumpRun(pgDump, args, environment,
                new ProgressTicker("pg_dump " + database, "dumping contents of table", -1, payload, every, progress));
    }

    void totalTables(int tables) {
        ticker.totalTables(tables);
    }

    /** Waits for pg_dump to end; its result. */
    ExternalTool.Result await() throws BackupException {
        try {
            return running.get(BackupException.class);
        } finally {
            ticker.close();
        }
    }

    /** Kills pg_dump (if it still runs) and waits until it is gone. */
    void stop() {
        running.stop();
        ticker.close();
    }

    /** How long pg_dump ran; meaningful once it ended. */
    long nanos() {
        return running.nanos();
    }
}
