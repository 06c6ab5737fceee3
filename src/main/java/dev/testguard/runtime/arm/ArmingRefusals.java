package dev.testguard.runtime.arm;

import dev.testguard.discovery.surefire.BuildProperties;
import dev.testguard.discovery.surefire.ConfiguredValue;
import dev.testguard.discovery.surefire.TestPluginExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Configurations that would silently drop the runtime guard's agent from a test JVM, found before any test runs:
 * a literal {@code <argLine>} that does not pass the armed property on, {@code -DargLine=} on the command line
 * (it beats the project property the guard armed), and in-process tests ({@code forkCount=0}).
 * Only executions that will run tests count.
 */
public final class ArmingRefusals {

    public static final String HEADLINE = "testguard stopped the build before any test ran";
    private static final String TURN_OFF = "Or turn the runtime guard off, loudly: -Dtestguard.runtime=false.";

    private final String propertyName;
    private final BuildProperties build;

    /** @param propertyName the project property the guard armed ({@code argLine} unless configured) */
    public ArmingRefusals(String propertyName, BuildProperties build) {
        this.propertyName = propertyName;
        this.build = build;
    }

    /**
     * @param runs       the Surefire/Failsafe executions that run tests
     * @param forkCounts the {@code <forkCount>} element of each run, by {@link TestPluginExecution#runName()}
     * @param skippedBy  why a run will not run tests (null: it will)
     */
    public List<ArmingRefusal> find(List<TestPluginExecution> runs, Map<String, ConfiguredValue> forkCounts,
            Function<TestPluginExecution, String> skippedBy) {
        List<ArmingRefusal> refusals = new ArrayList<>();
        boolean anyRuns = false;
        for (TestPluginExecution run : runs) {
            if (skippedBy.apply(run) != null) {
                continue;
            }
            anyRuns = true;
            argLine(run).ifPresent(refusals::add);
            forkCount(run, forkCounts.get(run.runName())).ifPresent(refusals::add);
        }
        if (anyRuns && build.userProperties().containsKey(propertyName)) {
            refusals.add(0, commandLine());
        }
        return refusals;
    }

    private java.util.Optional<ArmingRefusal> argLine(TestPluginExecution run) {
        ConfiguredValue argLine = run.argLine();
        String late = "@{" + propertyName + "}";
        if (argLine == null) {
            if ("argLine".equals(propertyName)) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new ArmingRefusal(run.plugin() + " (" + run.executionId() + ") <argLine>",
                    "literal-argline", "it has no <argLine>, so its test JVM gets the argLine property, not the "
                    + propertyName + " property testguard armed",
                    "add <argLine>" + late + "</argLine> to " + run.plugin() + " in " + run.pom() + ". " + TURN_OFF));
        }
        String value = argLine.value();
        if (value.contains(late) || value.contains("${" + propertyName + "}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ArmingRefusal(run.locate(argLine, "<argLine>"), "literal-argline",
                "the <argLine> does not reference " + late + ", so the test JVM starts"
                        + " without testguard's agent (a ${" + propertyName + "} that the POM's own <properties>"
                        + " define is replaced when Maven reads the POM, before testguard arms it)",
                "start it with the late-replaced property: <argLine>" + late + " (your arguments)</argLine>"
                        + " (JaCoCo needs the same). " + TURN_OFF));
    }

    private java.util.Optional<ArmingRefusal> forkCount(TestPluginExecution run, ConfiguredValue configured) {
        String raw = configured != null ? evaluate(configured.value()) : build.evaluate("forkCount");
        if (raw == null || !isZero(raw)) {
            return java.util.Optional.empty();
        }
        String where = configured != null ? run.locate(configured, "<forkCount>")
                : "-DforkCount=" + raw.trim() + " (command line, read by " + run.plugin() + " (" + run.executionId() + "))";
        return java.util.Optional.of(new ArmingRefusal(where, "in-process-tests",
                "forkCount=" + raw.trim() + " runs the tests inside the Maven JVM, where no agent can guard their"
                        + " connections",
                (configured != null ? "remove <forkCount>" + configured.value() + "</forkCount> from " + run.plugin()
                        + " in " + run.pom() : "drop -DforkCount=" + raw.trim() + " from the command line")
                        + " (forkCount=1, the default, forks one JVM). " + TURN_OFF));
    }

    private ArmingRefusal commandLine() {
        // the value is not shown: it may hold a password
        return new ArmingRefusal("-D" + propertyName + "=... (command line)",
                "command-line-argline", "a -D" + propertyName + " user property beats the project property testguard"
                + " armed, so the test JVMs would start without testguard's agent",
                "put those JVM arguments in the POM after @{" + propertyName + "} (<argLine>@{" + propertyName
                        + "} ...</argLine>) or in a property that <argLine> references, and drop -D" + propertyName
                        + " from the command line. " + TURN_OFF);
    }

    /** The failure message: the headline, then each refusal with where, rule and fix. */
    public static String message(List<ArmingRefusal> refusals) {
        StringBuilder sb = new StringBuilder(HEADLINE).append(": ").append(refusals.size() == 1
                ? "1 test configuration" : refusals.size() + " test configurations")
                .append(" would run tests without the runtime guard (a connection to any database would go unchecked).\n");
        int i = 1;
        for (ArmingRefusal r : refusals) {
            sb.append('\n').append(i++).append(") ").append(r.where()).append('\n');
            sb.append("   rule:   ").append(r.rule()).append(": ").append(r.problem()).append('\n');
            sb.append("   fix:    ").append(r.fix()).append('\n');
        }
        return sb.toString();
    }

    private String evaluate(String value) {
        String v = value == null ? "" : value.trim();
        if (v.startsWith("${") && v.endsWith("}")) {
            String resolved = build.evaluate(v.substring(2, v.length() - 1));
            return resolved == null ? v : resolved;
        }
        return v;
    }

    /** Surefire's forkCount: an integer, or a multiple of the CPU count ({@code 0.5C}); zero means in-process. */
    static boolean isZero(String raw) {
        String v = raw.trim();
        if (v.endsWith("C") || v.endsWith("c")) {
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Double.parseDouble(v) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
