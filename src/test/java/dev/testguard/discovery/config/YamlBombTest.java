package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Hostile YAML is refused quickly, in little memory, with a message naming the file. */
class YamlBombTest {

    private static final Duration FAST = Duration.ofSeconds(5);
    private static final long SMALL = 64L << 20;

    @Test
    void selfReferencingAliasIsRefusedNotFollowedForever(@TempDir Path dir) throws Exception {
        Path file = write(dir, "x: &a [*a, *a]\n");
        assertRefused(file, "application.yml", "refers to itself");
    }

    @Test
    void recursiveMappingIsRefused(@TempDir Path dir) throws Exception {
        Path file = write(dir, "spring: &s\n  loop: *s\n  datasource:\n    url: jdbc:h2:mem:x\n");
        assertRefused(file, "application.yml", "refers to itself");
    }

    @Test
    void aliasBombUnderSnakeYamlsAliasLimitIsRefused(@TempDir Path dir) throws Exception {
        // 17 lines, 8 aliases per level: 9^8 = 43 million leaves if expanded
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 8; level++) {
            String prev = "*a" + (level - 1);
            yaml.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(5, prev))).append("]\n");
            yaml.append("# level ").append(level).append('\n');
        }
        Path file = write(dir, yaml.toString());
        assertThat(Files.readAllLines(file)).hasSize(17);
        assertRefused(file, "application.yml", "expand to more than");
    }

    @Test
    void aliasesBeyondTheLimitAreRefused(@TempDir Path dir) throws Exception {
        StringBuilder yaml = new StringBuilder("a: &a [x]\nb: [");
        yaml.append(String.join(", ", java.util.Collections.nCopies(200, "*a"))).append("]\n");
        assertRefused(write(dir, yaml.toString()), "application.yml", "alias");
    }

    @Test
    void deepNestingIsRefused(@TempDir Path dir) throws Exception {
        String yaml = "k: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        assertRefused(write(dir, yaml), "application.yml", "nest");
    }

    @Test
    void oversizedFileIsRefusedBeforeReading(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.yml");
        try (var out = Files.newBufferedWriter(file)) {
            String line = "key" + "x".repeat(100) + ": value\n";
            for (long written = 0; written <= ConfigLimits.MAX_FILE_BYTES; written += line.length()) {
                out.write(line);
            }
        }
        assertRefused(file, "application.yml", "larger than");
    }

    @Test
    void normalAnchorsStillWork(@TempDir Path dir) throws Exception {
        Path file = write(dir, "base: &b\n  url: jdbc:h2:mem:x\none:\n  <<: *b\ntwo:\n  <<: *b\nlist: [*b, *b]\n");
        ConfigFile read = ConfigFile.read(file);
        assertThat(read.documents().get(0).value("one.url")).isEqualTo("jdbc:h2:mem:x");
        assertThat(read.documents().get(0).value("list[1].url")).isEqualTo("jdbc:h2:mem:x");
    }

    private static Path write(Path dir, String text) throws Exception {
        return Files.writeString(dir.resolve("application.yml"), text);
    }

    static void assertRefused(Path file, String name, String reason) {
        assertTimeoutPreemptively(FAST, () -> {
            long before = allocatedBytes();
            assertThatThrownBy(() -> ConfigFile.read(file))
                    .isInstanceOf(ConfigFileException.class)
                    .hasMessageContaining(name)
                    .hasMessageContaining(reason);
            assertThat(allocatedBytes() - before).as("bytes allocated while refusing").isLessThan(SMALL);
        });
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
