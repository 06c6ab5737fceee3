package dev.testguard.backup.postgres;

import dev.testguard.backup.Progress;
import dev.testguard.backup.Sizes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Turns a tool's {@code --verbose} chatter into a progress line at least every {@code every}: tables
 * done so far and, for a backup, bytes written (the payload's size on disk).
 */
final class ProgressTicker implements AutoCloseable {

    private final String label;
    private final String tableMarker;
    private volatile int totalTables;
    private final Path payload;
    private final Duration every;
    private final Progress progress;
    private final AtomicInteger tablesDone = new AtomicInteger();
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;

    ProgressTicker(String label, String tableMarker, int totalTables, Path payload, Duration every, Progress progress) {
        this.label = label;
        this.tableMarker = tableMarker;
        this.totalTables = totalTables;
        this.payload = payload;
        this.every = every;
        this.progress = progress;
        if (every.isZero()) {
            timer = null;
        } else {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "testguard-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The number of tables, once known (a dump may start before they are counted). */
    void totalTables(int total) {
        totalTables = total;
    }

    void onToolLine(String line) {
        if (line.contains(tableMarker)) {
            tablesDone.incrementAndGet();
            if (every.isZero()) {
                tick();
            }
        }
    }

    private void tick() {
        int total = totalTables;
        StringBuilder sb = new StringBuilder(label).append(": ").append(tablesDone.get());
        sb.append(total >= 0 ? " of " + total + " tables" : " tables");
        if (payload != null) {
            sb.append(", ").append(Sizes.human(sizeOf(payload))).append(" written");
        }
        sb.append(", ").append(Duration.ofNanos(System.nanoTime() - started).toSeconds()).append('s');
        progress.report(sb.toString());
    }

    private static long sizeOf(Path p) {
        try {
            if (!Files.exists(p)) {
                return 0;
            }
            if (Files.isRegularFile(p)) {
                return Files.size(p);
            }
            try (Stream<Path> s = Files.walk(p)) {
                return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
        } catch (Exception e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
