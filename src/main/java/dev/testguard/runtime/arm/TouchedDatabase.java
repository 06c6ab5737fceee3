package dev.testguard.runtime.arm;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One physical database the tests connected to (or tried to), summed over every fork of the build and every
 * spelling of its URL.
 *
 * @param url         the first masked URL the guard saw for it
 * @param database    the guard's name for the physical database (vendor, hosts with ports, database; no user), or
 *                    null when the URL could not be read
 * @param verdict     the classification (TEST, EPHEMERAL, PROTECTED, ...)
 * @param rule        the rule that decided, or null
 * @param reason      why, in words
 * @param refused     true when the guard refused the connection
 * @param testClasses the test classes that opened it, when known
 * @param count       connections opened (or refused)
 * @param urls        every masked URL spelling that reached it, {@code url} first
 */
public record TouchedDatabase(String url, String database, String verdict, String rule, String reason,
        boolean refused, Set<String> testClasses, long count, Set<String> urls) {

    public TouchedDatabase {
        testClasses = Set.copyOf(testClasses);
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(url);
        spellings.addAll(urls);
        urls = java.util.Collections.unmodifiableSet(spellings);
    }

    public TouchedDatabase(String url, String database, String verdict, String rule, String reason, boolean refused,
            Set<String> testClasses, long count) {
        this(url, database, verdict, rule, reason, refused, testClasses, count, Set.of());
    }

    /** The physical database as people read it: the guard's name, else the URL. */
    public String name() {
        return database != null ? database : url;
    }
}
