package dev.testguard.runtime.arm;

import java.util.Set;

/**
 * One database the tests connected to (or tried to), summed over every fork of the build.
 *
 * @param url         masked URL as the guard saw it
 * @param database    the guard's name for the physical database (may be null)
 * @param verdict     the classification (TEST, EPHEMERAL, PROTECTED, ...)
 * @param rule        the rule that decided, or null
 * @param reason      why, in words
 * @param refused     true when the guard refused the connection
 * @param testClasses the test classes that opened it, when known
 * @param count       connections opened (or refused)
 */
public record TouchedDatabase(String url, String database, String verdict, String rule, String reason,
        boolean refused, Set<String> testClasses, long count) {

    public TouchedDatabase {
        testClasses = Set.copyOf(testClasses);
    }
}
