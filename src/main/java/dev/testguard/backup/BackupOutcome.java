package dev.testguard.backup;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an engine reports about the backup it just wrote.
 *
 * @param tool          the tool used, e.g. {@code pg_dump}
 * @param toolVersion   its version, e.g. {@code 15.20}
 * @param serverVersion the server's version
 * @param format        payload format, e.g. {@code custom}, {@code directory}, {@code sql}, {@code sql.gz}, {@code sqlite}
 * @param rowCounts     exact rows per table at backup time, sorted by table
 * @param checksums     content checksum per table, taken in the same snapshot as the dump, for the tables small
 *                      enough to checksum cheaply (never null; empty when the engine takes none)
 */
public record BackupOutcome(String tool, String toolVersion, String serverVersion, String format, Map<String, Long> rowCounts,
                            Map<String, String> checksums) {

    public BackupOutcome {
        checksums = checksums == null ? Map.of() : new TreeMap<>(checksums);
    }

    /** An outcome without content checksums. */
    public BackupOutcome(String tool, String toolVersion, String serverVersion, String format, Map<String, Long> rowCounts) {
        this(tool, toolVersion, serverVersion, format, rowCounts, Map.of());
    }
}
