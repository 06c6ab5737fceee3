package dev.testguard.runtime.arm;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the runtime guard saw during one build's tests.
 *
 * @param databases  every database the tests touched, refusals included
 * @param errors     internal errors of the guard (each refused a connection), masked
 * @param unguarded  test classes whose report lacks this build's fork marker: they ran without the guard
 * @param forks      forks that recorded they were armed
 * @param reports    test reports of this build that were read
 */
public record RuntimeVerdict(List<TouchedDatabase> databases, List<String> errors, List<String> unguarded,
        int forks, int reports) {

    public static final String REFUSED_HEADLINE = "testguard refused connections the tests opened";
    public static final String UNGUARDED_HEADLINE = "testguard: a test JVM ran without the runtime guard";
    private static final String TURN_OFF = "To run the tests without the runtime guard (loudly): -Dtestguard.runtime=false.";

    public RuntimeVerdict {
        databases = List.copyOf(databases);
        errors = List.copyOf(errors);
        unguarded = List.copyOf(unguarded);
    }

    public List<TouchedDatabase> refusals() {
        return databases.stream().filter(TouchedDatabase::refused).collect(Collectors.toList());
    }

    public boolean failed() {
        return !refusals().isEmpty() || !errors.isEmpty() || !unguarded.isEmpty();
    }

    /** The build failure: refusals and internal errors first, then unguarded test JVMs. Null when it passed. */
    public String failureMessage() {
        if (!failed()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        if (!refusals().isEmpty() || !errors.isEmpty()) {
            refused(sb);
        }
        if (!unguarded.isEmpty()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(UNGUARDED_HEADLINE).append(": ").append(unguarded.size())
                    .append(" test class(es) ran in a JVM without testguard's agent, so nothing checked their"
                            + " connections:\n");
            unguarded.forEach(c -> sb.append("  - ").append(c).append('\n'));
            sb.append("fix: make every Surefire/Failsafe <argLine> start with @{argLine}, do not pass -DargLine or"
                    + " forkCount=0, and do not replace the argLine property after testguard:verify ran. ")
                    .append(TURN_OFF).append('\n');
        }
        return sb.toString();
    }

    private void refused(StringBuilder sb) {
        List<TouchedDatabase> refusals = refusals();
        sb.append(REFUSED_HEADLINE).append(": ").append(refusals.size()).append(" database(s) refused")
                .append(errors.isEmpty() ? "" : ", " + errors.size() + " internal error(s) of the guard")
                .append(" (the build fails even when a test caught the exception).\n");
        int i = 1;
        for (TouchedDatabase d : refusals) {
            sb.append('\n').append(i++).append(") ").append(d.name()).append(" as ").append(String.join(", ", d.urls()))
                    .append('\n');
            sb.append("   rule:   ").append(d.rule()).append(": ").append(d.reason()).append('\n');
            sb.append("   tests:  ").append(d.testClasses().isEmpty() ? "(unknown test class)"
                    : String.join(", ", d.testClasses().stream().sorted().toList()))
                    .append(" (").append(d.count()).append(" connection(s) refused)\n");
        }
        for (String error : errors) {
            sb.append('\n').append(i++).append(") internal error of the guard, connection refused: ")
                    .append(error).append('\n');
        }
        sb.append("\nfix: point those tests at a test database (a name with a test token, on a local host), stamp"
                + " the database with testguard:stamp -Dtestguard.role=test, or accept one exact database with"
                + " -Dtestguard.allow=host:port/db. ").append(TURN_OFF).append('\n');
    }
}
