package dev.testguard.probe;

/**
 * What a short live connection learned about a database. All fields but {@code status} may be null.
 *
 * @param status        whether we got in
 * @param stamp         the identity stamp inside the database, or null when unstamped
 * @param estimatedRows estimated total rows over all user tables (from catalog statistics), or null
 * @param identity      the server identity plus database, or null
 * @param message       for the report: why it was not reachable, in words (never a password)
 * @param millis        how long the probe took
 */
public record LiveFacts(Status status, Stamp stamp, Long estimatedRows, ServerIdentity identity, String message, long millis) {

    public enum Status {
        /** Live checks were not attempted (offline mode, or an embedded/ephemeral database). */
        NOT_CHECKED,
        /** Connected and read what we needed. */
        REACHABLE,
        /** No answer within the timeout, or connection refused. */
        UNREACHABLE,
        /** The server answered but refused the credentials. */
        AUTH_FAILED,
        /** Connected but something else went wrong. */
        ERROR
    }

    private static final LiveFacts NOT_CHECKED = new LiveFacts(Status.NOT_CHECKED, null, null, null, null, 0);

    public static LiveFacts notChecked() {
        return NOT_CHECKED;
    }

    public boolean reachable() {
        return status == Status.REACHABLE;
    }
}
