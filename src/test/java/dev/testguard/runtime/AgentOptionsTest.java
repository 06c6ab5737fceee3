package dev.testguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.policy.PolicySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentOptionsTest {

    @TempDir
    Path dir;

    @Test
    void survivesTheRoundTripThroughTheOptionsFileWithOddCharacters() throws Exception {
        PolicySettings policy = PolicySettings.defaults(dir.resolve("base dir"), dir.resolve("target"), true)
                .withAllowDatabases(List.of("localhost:5432/a,b", "db.example.com/x=y"))
                .withAllowedHosts(List.of("*.corp.example")).withMaxRows(42);
        AgentOptions written = new AgentOptions("tok123", dir.resolve("runtime"),
                List.of(dir.resolve("plugin.jar"), dir.resolve("jackson core.jar")), policy, true,
                Duration.ofMillis(1500));
        Path file = dir.resolve("agent").resolve(AgentOptions.FILE_NAME);

        written.write(file);

        assertThat(AgentOptions.read(file)).isEqualTo(written);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void theForkMarkerNamesTheToken() {
        AgentOptions options = new AgentOptions("abc", dir, List.of(), PolicySettings.defaults(dir, dir, false),
                false, Duration.ofSeconds(5));
        assertThat(options.forkMarkerValue()).isEqualTo("armed:abc");
    }
}
