package dev.testguard.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Backup ids sort by time as plain strings: {@code 20261124T003015.123Z-orders} (UTC, milliseconds,
 * then the database name reduced to safe characters).
 */
public final class BackupIds {

    public static final String LATEST = "latest";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern ID = Pattern.compile("[0-9]{8}T[0-9]{6}\\.[0-9]{3}Z-[A-Za-z0-9_-]{1,64}");
    private static final int MAX_NAME = 64;

    private BackupIds() {
    }

    public static String newId(Instant at, String databaseName) {
        return STAMP.format(at.truncatedTo(ChronoUnit.MILLIS)) + "-" + sanitize(databaseName);
    }

    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    /** When the backup was started, read back from its id. */
    public static Instant instantOf(String id) {
        return Instant.from(STAMP.parse(id.substring(0, id.indexOf('-'))));
    }

    /** Checks an id typed by a person (it becomes part of a path): an id, or {@value #LATEST}. */
    public static String validateUserInput(String value) throws BackupException {
        if (value == null || value.isBlank()) {
            return LATEST;
        }
        String v = value.trim();
        if (v.equals(LATEST) || isId(v)) {
            return v;
        }
        throw new BackupException("'" + v + "' is not a backup id. Use an id as listed by `mvn testguard:backups`"
                + " (e.g. 20261124T003015.123Z-orders) or -Dtestguard.backupId=latest.");
    }

    static String sanitize(String databaseName) {
        String name = databaseName == null || databaseName.isBlank() ? "db" : databaseName;
        String safe = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.length() > MAX_NAME ? safe.substring(0, MAX_NAME) : safe;
    }
}
