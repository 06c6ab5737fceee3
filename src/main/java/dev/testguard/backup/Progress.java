package dev.testguard.backup;

/** Receives progress lines from long backups and restores; callers throttle and log them. */
@FunctionalInterface
public interface Progress {

    void report(String line);

    Progress SILENT = line -> { };
}
