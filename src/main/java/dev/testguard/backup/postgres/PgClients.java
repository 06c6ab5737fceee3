package dev.testguard.backup.postgres;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.tool.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds pg_dump and pg_restore (explicit path first, then PATH) and checks they can read the server. */
final class PgClients {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");

    private PgClients() {
    }

    /** {@code toolPath}: pg_dump itself or the directory holding it; null to search PATH. */
    static ExternalTool pgDump(Path toolPath) throws BackupException {
        return locate("pg_dump", toolPath);
    }

    /** pg_restore next to the configured pg_dump, else on PATH. */
    static ExternalTool pgRestore(Path toolPath) throws BackupException {
        if (toolPath != null) {
            Path dir = Files.isDirectory(toolPath) ? toolPath : toolPath.toAbsolutePath().getParent();
            Optional<Path> sibling = executableIn(dir, "pg_restore");
            if (sibling.isPresent()) {
                return new ExternalTool(sibling.get());
            }
        }
        return locate("pg_restore", null);
    }

    private static ExternalTool locate(String name, Path toolPath) throws BackupException {
        if (toolPath != null) {
            Optional<Path> p = Files.isDirectory(toolPath) ? executableIn(toolPath, name)
                    : Files.isExecutable(toolPath) ? Optional.of(toolPath) : Optional.empty();
            return new ExternalTool(p.orElseThrow(() -> new BackupException(name + " not found at " + toolPath
                    + " (-Dtestguard.pgDumpPath). Point it to the pg_dump binary of a PostgreSQL client installation,"
                    + " e.g. -Dtestguard.pgDumpPath=/usr/lib/postgresql/16/bin/pg_dump.")));
        }
        return ExternalTool.find(name, name + ".exe").orElseThrow(() -> new BackupException(name + " is not on the PATH."
                + " Install the PostgreSQL client tools (e.g. apt-get install postgresql-client, brew install libpq),"
                + " or name the binary with -Dtestguard.pgDumpPath=/path/to/pg_dump."));
    }

    private static Optional<Path> executableIn(Path dir, String name) {
        for (String candidate : new String[] {name, name + ".exe"}) {
            Path p = dir.resolve(candidate);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The tool's version, e.g. {@code 15.20}, from {@code pg_dump (PostgreSQL) 15.20 (Debian ...)}. */
    static String version(ExternalTool tool) throws BackupException {
        String line = tool.versionLine();
        Matcher m = VERSION.matcher(line);
        if (!m.find()) {
            throw new BackupException("cannot read the version of " + tool + " from '" + line + "'");
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
    }

    static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    /** pg_dump refuses servers newer than itself; say which client is needed before it does, and how to point to it. */
    static void checkCanDump(ExternalTool tool, String toolVersion, int serverVersionNum, String database) throws BackupException {
        int serverMajor = serverVersionNum / 10000; // 150020 -> 15; 90624 -> 9 (any pg_dump 9.x or later reads 9.6)
        if (major(toolVersion) < serverMajor) {
            throw new BackupException(tool + " is version " + toolVersion + " but the server of " + database
                    + " runs PostgreSQL " + serverMajor + ": pg_dump must be version " + serverMajor + " or newer."
                    + " Install the PostgreSQL " + serverMajor + " client and point to it with"
                    + " -Dtestguard.pgDumpPath=/path/to/pg_dump (e.g. /usr/lib/postgresql/" + serverMajor + "/bin/pg_dump).");
        }
    }
}
