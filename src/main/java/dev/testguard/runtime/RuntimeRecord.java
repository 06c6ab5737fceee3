package dev.testguard.runtime;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a fork's record file: the fork was {@code armed}, it judged a {@code connection}, or the guard hit an
 * internal {@code error} (the connection was refused). URLs are masked before they get here.
 *
 * @param count for a connection: how many connections of this kind the fork opened so far (the highest wins)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuntimeRecord(String event, String token, Long pid, String java, String url, String database,
        String verdict, String rule, String reason, Boolean refused, String testClass, Long count, String message) {

    public static final String ARMED = "armed";
    public static final String CONNECTION = "connection";
    public static final String ERROR = "error";
    /** The database of a connection whose URL the guard could not read: no physical database to group under. */
    public static final String UNREADABLE = "unreadable URL";

    public static RuntimeRecord armed(String token, long pid, String javaVersion) {
        return new RuntimeRecord(ARMED, token, pid, javaVersion, null, null, null, null, null, null, null, null, null);
    }

    public static RuntimeRecord connection(String token, long pid, String maskedUrl, String database, String verdict,
            String rule, String reason, boolean refused, String testClass, long count) {
        return new RuntimeRecord(CONNECTION, token, pid, null, maskedUrl, database, verdict, rule, reason, refused,
                testClass, count, null);
    }

    public static RuntimeRecord error(String token, long pid, String maskedUrl, String message) {
        return new RuntimeRecord(ERROR, token, pid, null, maskedUrl, null, null, null, null, true, null, null,
                message);
    }

    @JsonIgnore
    public boolean isRefusal() {
        return Boolean.TRUE.equals(refused);
    }
}
