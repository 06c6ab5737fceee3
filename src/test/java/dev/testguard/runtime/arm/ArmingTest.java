package dev.testguard.runtime.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.AgentOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArmingTest {

    @TempDir
    Path target;

    @Test
    void writesJarAndOptionsWithANewTokenEachTimeAndPrependsOnce() throws Exception {
        PolicySettings policy = PolicySettings.defaults(target.getParent(), target, false);
        Path guardJar = target.resolve("plugin.jar");

        Arming.Armed first = Arming.arm(target, List.of(guardJar), policy, true, Duration.ofSeconds(2), "-Xmx1g", null);
        Arming.Armed second = Arming.arm(target, List.of(guardJar), policy, true, Duration.ofSeconds(2),
                first.argLine(), "@{argLine} -ea");

        assertThat(first.jar()).isRegularFile().isEqualTo(target.resolve("testguard/agent/testguard-agent.jar"));
        assertThat(first.argLine()).isEqualTo("-agentlib:instrument=" + first.jar() + "=" + first.options() + " -Xmx1g");
        assertThat(second.argLine()).isEqualTo(first.argLine());
        assertThat(second.token()).isNotEqualTo(first.token()).matches("[0-9a-f]{16}");
        AgentOptions options = AgentOptions.read(second.options());
        assertThat(options.token()).isEqualTo(second.token());
        assertThat(options.recordsDirectory()).isEqualTo(target.resolve("testguard/runtime").toAbsolutePath());
        assertThat(options.guardClasspath()).containsExactly(guardJar);
        assertThat(options.offline()).isTrue();
        assertThat(Arming.lastArmed(target)).satisfies(a -> {
            assertThat(a.token()).isEqualTo(second.token());
            assertThat(a.armedAt()).isEqualTo(Files.getLastModifiedTime(second.options()).toInstant());
        });
    }

    @Test
    void noEarlierArmingIsNull() throws Exception {
        assertThat(Arming.lastArmed(target)).isNull();
    }
}
