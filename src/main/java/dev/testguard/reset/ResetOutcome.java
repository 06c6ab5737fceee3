package dev.testguard.reset;

/**
 * What one reset did.
 *
 * @param database the database, masked
 * @param action   in words, e.g. {@code restored the baseline saved 2024-05-01T10:00:00Z}
 * @param millis   how long the reset itself took (classification not included)
 * @param warning  something the user should act on (a stale baseline), or null
 */
public record ResetOutcome(String database, String action, long millis, String warning) {
}
