package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class YamlFileTest {

    @Test
    void flattensDocumentsWithLinesAndLists() {
        String text = """
                spring:
                  datasource:
                    url: jdbc:postgresql://localhost/app
                    username: app
                  profiles:
                    active:
                      - a
                      - b
                empty:
                ---
                spring:
                  config:
                    activate:
                      on-profile: test
                  datasource.url: "jdbc:h2:mem:x"
                """;
        ConfigFile file = YamlFile.parse(Path.of("application.yml"), text);
        assertThat(file.documents()).hasSize(2);
        ConfigDocument first = file.documents().get(0);
        assertThat(first.get("spring.datasource.url"))
                .isEqualTo(new ConfigEntry("spring.datasource.url", "jdbc:postgresql://localhost/app", 3));
        assertThat(first.get("spring.datasource.username").line()).isEqualTo(4);
        assertThat(first.get("spring.profiles.active[0]")).isEqualTo(new ConfigEntry("spring.profiles.active[0]", "a", 7));
        assertThat(first.get("spring.profiles.active[1]").value()).isEqualTo("b");
        assertThat(first.get("empty").value()).isEmpty();
        ConfigDocument second = file.documents().get(1);
        assertThat(second.get("spring.config.activate.on-profile").value()).isEqualTo("test");
        assertThat(second.get("spring.datasource.url"))
                .isEqualTo(new ConfigEntry("spring.datasource.url", "jdbc:h2:mem:x", 15));
    }

    @Test
    void mergeKeysAndAnchorsFlatten() {
        String text = """
                base: &base
                  url: jdbc:h2:mem:a
                  user: sa
                db:
                  <<: *base
                  url: jdbc:h2:mem:b
                """;
        ConfigDocument doc = YamlFile.parse(Path.of("x.yml"), text).documents().get(0);
        assertThat(doc.value("db.url")).isEqualTo("jdbc:h2:mem:b");
        assertThat(doc.value("db.user")).isEqualTo("sa");
    }

    @Test
    void brokenYamlNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("application.yml");
        Files.writeString(file, "spring:\n  datasource:\n    url: jdbc:h2:mem:x\n   bad: [unclosed\n");
        assertThatThrownBy(() -> ConfigFile.read(file))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining(file + ":4")
                .hasMessageContaining("broken YAML");
    }
}
