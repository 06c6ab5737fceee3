package dev.testguard.backup;

import java.util.Map;

/**
 * What an engine reports about the backup it just wrote.
 *
 * @param tool          the tool used, e.g. {@code pg_dump}
 * @param toolVersion   its version, e.g. {@code 15.20}
 * @param serverVersion the server's version
 * @param format        payload format, e.g. {@code custom}, {@code directory}, {@code sql}, {@code sql.gz}, {@code sqlite}
 * @param rowCounts     exact rows per table at backup time, sorted by table
 */
public record BackupOutcome(String tool, String toolVersion, String serverVersion, String format, Map<String, Long> rowCounts) {
}
