package dev.testguard.runtime.arm;

import dev.testguard.discovery.surefire.ConfiguredValue;
import dev.testguard.discovery.surefire.TestPluginExecution;
import java.util.List;
import java.util.Map;

/**
 * The JVM options a test fork gets besides the argLine property, as far as they decide the agent's form
 * ({@link ArgLine#agentArgument}): the test plugins' own {@code <argLine>}s and the {@code JDK_JAVA_OPTIONS} and
 * {@code JAVA_TOOL_OPTIONS} of the forks' environment, the build's or set in the plugins' own
 * {@code <environmentVariables>}. Too many is safe (the agent goes in as {@code -javaagent}, a little slower to start);
 * one missed that limits the modules aborts every test JVM.
 */
public final class ForkOptions {

    private static final List<String> VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    private ForkOptions() {
    }

    /** Space-separated, from the build's {@code environment} and the test plugins' executions {@code runs}. */
    public static String of(Map<String, String> environment, List<TestPluginExecution> runs) {
        StringBuilder arguments = new StringBuilder();
        for (String variable : VARIABLES) {
            String value = environment.get(variable);
            if (value != null) {
                arguments.append(' ').append(value);
            }
        }
        for (TestPluginExecution run : runs) {
            if (run.argLine() != null && run.argLine().value() != null) {
                arguments.append(' ').append(run.argLine().value());
            }
            for (ConfiguredValue variable : run.environmentVariables()) {
                if (VARIABLES.contains(variable.name()) && variable.value() != null) {
                    arguments.append(' ').append(variable.value());
                }
            }
        }
        return arguments.toString();
    }
}
