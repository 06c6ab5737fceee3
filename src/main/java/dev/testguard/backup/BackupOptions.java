package dev.testguard.backup;

import java.nio.file.Path;

/**
 * Knobs shared by the engines.
 *
 * @param jobs     parallel jobs where the format allows (PostgreSQL directory format); 1 means a single file
 * @param toolPath an explicit client binary ({@code pgDumpPath}, {@code mysqldumpPath}), or null to search PATH
 */
public record BackupOptions(int jobs, Path toolPath) {

    public static final BackupOptions DEFAULTS = new BackupOptions(1, null);
}
