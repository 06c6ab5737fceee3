package dev.testguard.runtime.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.surefire.ConfiguredValue;
import dev.testguard.discovery.surefire.TestPluginExecution;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JVM options a fork gets besides the argLine property, and the agent's form they lead to. */
class ForkOptionsTest {

    private static final Path JAR = Path.of("/p/target/testguard/runtime/testguard-agent.jar");
    private static final Path OPTIONS = Path.of("/p/target/testguard/runtime/options.properties");
    private static final String LIMITS = "--limit-modules java.base,java.sql,java.logging";

    @Test
    void theBuildsEnvironmentAndThePluginsArgLinesCount() {
        String options = ForkOptions.of(Map.of("JAVA_TOOL_OPTIONS", "-Xss2m", "PATH", "/bin"),
                List.of(run("-Xmx1g", List.of())));

        assertThat(options).contains("-Xss2m", "-Xmx1g").doesNotContain("/bin");
    }

    @Test
    void aModuleLimitInTheForksOwnEnvironmentVariablesKeepsTheJavaagentForm() {
        for (String variable : new String[] {"JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS"}) {
            TestPluginExecution surefire = run(null, List.of(new ConfiguredValue(variable, LIMITS, 50)));

            String options = ForkOptions.of(Map.of(), List.of(surefire));

            assertThat(ArgLine.agentArgument(JAR, OPTIONS, options)).as(variable + " in <environmentVariables>")
                    .startsWith("-javaagent:");
        }
    }

    @Test
    void otherVariablesOfTheForkDoNotCount() {
        TestPluginExecution surefire = run(null, List.of(new ConfiguredValue("NOTE", LIMITS, 50)));

        assertThat(ArgLine.agentArgument(JAR, OPTIONS, ForkOptions.of(Map.of(), List.of(surefire))))
                .startsWith("-agentlib:instrument=");
    }

    private static TestPluginExecution run(String argLine, List<ConfiguredValue> environment) {
        return new TestPluginExecution(TestPluginExecution.SUREFIRE, "default-test", "pom.xml", Map.of(),
                argLine == null ? null : new ConfiguredValue("argLine", argLine, 42), List.of(), List.of(), null,
                environment, List.of(), true, null);
    }
}
