package dev.testguard.runtime.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArgLineTest {

    private static final Path JAR = Path.of("/p/target/testguard/agent/testguard-agent.jar");
    private static final Path OPTIONS = Path.of("/p/target/testguard/agent/options.properties");
    private static final String AGENT = "-javaagent:" + JAR + "=" + OPTIONS;

    @Test
    void absentPropertyBecomesTheAgentAlone() {
        assertThat(ArgLine.prepend(null, JAR, OPTIONS)).isEqualTo(AGENT);
        assertThat(ArgLine.prepend("", JAR, OPTIONS)).isEqualTo(AGENT);
        assertThat(ArgLine.prepend("   ", JAR, OPTIONS)).isEqualTo(AGENT);
    }

    @Test
    void prependsAndKeepsTheExistingValueVerbatim() {
        String old = "-Xmx256m \"-Dname=two words\" -Dpath=C:\\tmp";
        assertThat(ArgLine.prepend(old, JAR, OPTIONS)).isEqualTo(AGENT + " " + old);
    }

    @Test
    void keepsAnotherAgentSuchAsJacocoBehindOurs() {
        String jacoco = "-javaagent:/m2/org.jacoco.agent-runtime.jar=destfile=/p/target/jacoco.exec";
        assertThat(ArgLine.prepend(jacoco, JAR, OPTIONS)).isEqualTo(AGENT + " " + jacoco);
    }

    @Test
    void armingTwiceIsIdempotent() {
        String once = ArgLine.prepend("-Xmx1g", JAR, OPTIONS);
        assertThat(ArgLine.prepend(once, JAR, OPTIONS)).isEqualTo(once);
        assertThat(ArgLine.isArmed(once, JAR)).isTrue();
        assertThat(ArgLine.isArmed("-Xmx1g", JAR)).isFalse();
        assertThat(ArgLine.isArmed(null, JAR)).isFalse();
    }

    @Test
    void anEarlierCopyWithOtherOptionsIsReplacedNotDuplicated() {
        String stale = "-Xmx1g -javaagent:" + JAR + "=/old/options.properties -ea";
        assertThat(ArgLine.prepend(stale, JAR, OPTIONS)).isEqualTo(AGENT + " -Xmx1g -ea");
    }

    @Test
    void pathsWithWhitespaceAreQuotedAsOneArgumentAndStayIdempotent() {
        Path jar = Path.of("/home/j doe/p/target/testguard/agent/testguard-agent.jar");
        Path options = Path.of("/home/j doe/p/target/testguard/agent/options.properties");
        String value = ArgLine.prepend("-ea", jar, options);
        assertThat(value).isEqualTo("\"-javaagent:" + jar + "=" + options + "\" -ea");
        assertThat(ArgLine.prepend(value, jar, options)).isEqualTo(value);
        assertThat(ArgLine.isArmed(value, jar)).isTrue();
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
