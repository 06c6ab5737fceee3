package dev.testguard.probe;

import java.time.Instant;

/**
 * The identity stamp testguard keeps inside a database.
 *
 * @param role      test or protected
 * @param stampedAt when it was written
 * @param stampedBy OS user and host, e.g. {@code alice@laptop}
 * @param project   groupId:artifactId of the project that stamped it, or null
 */
public record Stamp(Role role, Instant stampedAt, String stampedBy, String project) {

    public enum Role {
        TEST, PROTECTED;

        public static Role parse(String value) {
            if (value == null) {
                throw new IllegalArgumentException("role is missing: use test or protected");
            }
            switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "test":
                    return TEST;
                case "protected":
                    return PROTECTED;
                default:
                    throw new IllegalArgumentException("unknown role '" + value + "': use test or protected");
            }
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
