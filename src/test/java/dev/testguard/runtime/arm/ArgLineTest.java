package dev.testguard.runtime.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArgLineTest {

    private static final Path JAR = Path.of("/p/target/testguard/agent/testguard-agent.jar");
    private static final Path OPTIONS = Path.of("/p/target/testguard/agent/options.properties");
    private static final String AGENT = "-agentlib:instrument=" + JAR + "=" + OPTIONS;

    @Test
    void absentPropertyBecomesTheAgentAlone() {
        assertThat(ArgLine.prepend(null, JAR, OPTIONS, null)).isEqualTo(AGENT);
        assertThat(ArgLine.prepend("", JAR, OPTIONS, null)).isEqualTo(AGENT);
        assertThat(ArgLine.prepend("   ", JAR, OPTIONS, null)).isEqualTo(AGENT);
    }

    @Test
    void prependsAndKeepsTheExistingValueVerbatim() {
        String old = "-Xmx256m \"-Dname=two words\" -Dpath=C:\\tmp";
        assertThat(ArgLine.prepend(old, JAR, OPTIONS, null)).isEqualTo(AGENT + " " + old);
    }

    @Test
    void keepsAnotherAgentSuchAsJacocoBehindOurs() {
        String jacoco = "-javaagent:/m2/org.jacoco.agent-runtime.jar=destfile=/p/target/jacoco.exec";
        assertThat(ArgLine.prepend(jacoco, JAR, OPTIONS, null)).isEqualTo(AGENT + " " + jacoco);
    }

    @Test
    void armingTwiceIsIdempotent() {
        String once = ArgLine.prepend("-Xmx1g", JAR, OPTIONS, null);
        assertThat(ArgLine.prepend(once, JAR, OPTIONS, null)).isEqualTo(once);
        assertThat(ArgLine.isArmed(once, JAR)).isTrue();
        assertThat(ArgLine.isArmed("-Xmx1g", JAR)).isFalse();
        assertThat(ArgLine.isArmed(null, JAR)).isFalse();
    }

    @Test
    void anEarlierCopyWithOtherOptionsIsReplacedNotDuplicated() {
        String stale = "-Xmx1g -javaagent:" + JAR + "=/old/options.properties -ea";
        assertThat(ArgLine.prepend(stale, JAR, OPTIONS, null)).isEqualTo(AGENT + " -Xmx1g -ea");
    }

    @Test
    void pathsWithWhitespaceAreQuotedAsOneArgumentAndStayIdempotent() {
        Path jar = Path.of("/home/j doe/p/target/testguard/agent/testguard-agent.jar");
        Path options = Path.of("/home/j doe/p/target/testguard/agent/options.properties");
        String value = ArgLine.prepend("-ea", jar, options, null);
        assertThat(value).isEqualTo("\"-agentlib:instrument=" + jar + "=" + options + "\" -ea");
        assertThat(ArgLine.prepend(value, jar, options, null)).isEqualTo(value);
        assertThat(ArgLine.isArmed(value, jar)).isTrue();
    }

    @Test
    void anEarlierJavaagentCopyOfThisAgentIsReplacedToo() {
        String stale = "-Xmx1g \"-javaagent:" + JAR + "=/old/options.properties\" -ea";
        assertThat(ArgLine.prepend(stale, JAR, OPTIONS, null)).isEqualTo(AGENT + " -Xmx1g -ea");
        assertThat(ArgLine.isArmed("-javaagent:" + JAR + "=" + OPTIONS, JAR)).isTrue();
    }

    @Test
    void argumentsThatLimitTheObservableModulesGetTheJavaagentForm() {
        String javaagent = "-javaagent:" + JAR + "=" + OPTIONS;
        assertThat(ArgLine.prepend("--limit-modules java.base,java.sql", JAR, OPTIONS, null))
                .isEqualTo(javaagent + " --limit-modules java.base,java.sql");
        assertThat(ArgLine.prepend("-Xmx1g", JAR, OPTIONS, "@{argLine} --limit-modules=java.base"))
                .isEqualTo(javaagent + " -Xmx1g");
        assertThat(ArgLine.prepend(null, JAR, OPTIONS, "-Djdk.module.limitmods=java.base")).isEqualTo(javaagent);
        assertThat(ArgLine.prepend("--add-modules java.sql", JAR, OPTIONS, "@{argLine} -ea"))
                .isEqualTo(AGENT + " --add-modules java.sql");
    }

    @Test
    void quoteFollowsJacoco() {
        assertThat(ArgLine.quote("plain")).isEqualTo("plain");
        assertThat(ArgLine.quote("a b")).isEqualTo("\"a b\"");
        assertThat(ArgLine.quote("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(ArgLine.quote("C:\\x y")).isEqualTo("\"C:\\\\x y\"");
    }

    @Test
    void unarmedDefinesAnAbsentPropertyAsEmptyAndKeepsAnExistingOne() {
        assertThat(ArgLine.unarmed(null)).isEmpty();
        assertThat(ArgLine.unarmed("-Xmx1g")).isEqualTo("-Xmx1g");
    }
}
