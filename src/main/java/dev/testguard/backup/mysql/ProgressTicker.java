package dev.testguard.backup.mysql;

import dev.testguard.backup.Progress;
import java.util.function.Supplier;

/** Passes a progress line on at most every few seconds, so a long dump reports steadily without flooding. */
final class ProgressTicker {

    static final long INTERVAL_NANOS = 3_000_000_000L;

    private final Progress progress;
    private long last = System.nanoTime();

    ProgressTicker(Progress progress) {
        this.progress = progress;
    }

    /** Cheap to call per row: builds the line only when it is due. */
    void tick(Supplier<String> line) {
        long now = System.nanoTime();
        if (now - last >= INTERVAL_NANOS) {
            last = now;
            progress.report(line.get());
        }
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
