package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.ProjectTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Placeholders that double at each level (a "billion laughs" in a properties file) are refused, naming file and key. */
class PlaceholderBombTest {

    @TempDir
    Path dir;

    @Test
    void doublingPlaceholdersAreRefusedQuickly() {
        StringBuilder props = new StringBuilder("a0=lol\n");
        for (int i = 1; i <= 40; i++) {
            props.append('a').append(i).append("=${a").append(i - 1).append("}${a").append(i - 1).append("}\n");
        }
        props.append("db.url=jdbc:h2:mem:${a40}\n");
        ProjectTree tree = new ProjectTree(dir).testResource("application.properties", props.toString());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> tree.discover(new PlainApplicationFilesSource()))
                        .isInstanceOf(ConfigFileException.class)
                        .hasMessageContaining("src/test/resources/application.properties")
                        .hasMessageContaining("placeholder bomb"));
    }
}
