package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertiesFileTest {

    private static final Path FILE = Path.of("application.properties");

    @Test
    void readsSeparatorsCommentsEscapesAndKeepsLines() throws Exception {
        String text = """
                # comment
                ! another comment
                a=1
                  b : two
                c three
                d\\ e=x\\ty
                f=\\u0041BC
                empty
                url=jdbc:postgresql://localhost/app?x=1&y=2
                """;
        ConfigDocument doc = single(text);
        assertThat(doc.get("a")).isEqualTo(new ConfigEntry("a", "1", 3));
        assertThat(doc.get("b")).isEqualTo(new ConfigEntry("b", "two", 4));
        assertThat(doc.get("c")).isEqualTo(new ConfigEntry("c", "three", 5));
        assertThat(doc.get("d e")).isEqualTo(new ConfigEntry("d e", "x\ty", 6));
        assertThat(doc.get("f").value()).isEqualTo("ABC");
        assertThat(doc.get("empty")).isEqualTo(new ConfigEntry("empty", "", 8));
        assertThat(doc.get("url").line()).isEqualTo(9);
        assertSameAsJavaProperties(text, doc);
    }

    @Test
    void continuationLinesKeepTheStartLineAndLaterLinesStayRight() throws Exception {
        String text = "first=1\n"
                + "spring.datasource.url=jdbc:postgresql://\\\n"
                + "    db.example.com:5432/\\\n"
                + "    orders\n"
                + "# comment \\\n"
                + "after=2\n"
                + "odd=ends with escaped backslash \\\\\n"
                + "next=3\n";
        ConfigDocument doc = single(text);
        assertThat(doc.get("spring.datasource.url"))
                .isEqualTo(new ConfigEntry("spring.datasource.url", "jdbc:postgresql://db.example.com:5432/orders", 2));
        assertThat(doc.get("after").line()).isEqualTo(6);
        assertThat(doc.get("odd").value()).isEqualTo("ends with escaped backslash \\");
        assertThat(doc.get("next").line()).isEqualTo(8);
        assertSameAsJavaProperties(text, doc);
    }

    @Test
    void laterKeyWinsAndCrLfLinesCount() {
        ConfigDocument doc = single("a=1\r\nb=2\r\na=3\r\n");
        assertThat(doc.get("a")).isEqualTo(new ConfigEntry("a", "3", 3));
    }

    @Test
    void splitsSpringMultiDocumentSeparators() {
        ConfigFile file = PropertiesFile.parse(FILE, "a=1\n#---\nspring.config.activate.on-profile=x\na=2\n!---\na=3\n");
        assertThat(file.documents()).hasSize(3);
        assertThat(file.documents().get(1).get("a")).isEqualTo(new ConfigEntry("a", "2", 4));
        assertThat(file.documents().get(2).get("a").line()).isEqualTo(6);
    }

    @Test
    void brokenUnicodeEscapeNamesFileAndLine() {
        assertThatThrownBy(() -> PropertiesFile.parse(FILE, "ok=1\nbad=\\u12G4\n"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("application.properties:2");
    }

    private static ConfigDocument single(String text) {
        ConfigFile file = PropertiesFile.parse(FILE, text);
        assertThat(file.documents()).hasSize(1);
        return file.documents().get(0);
    }

    private static void assertSameAsJavaProperties(String text, ConfigDocument doc) throws Exception {
        Properties expected = new Properties();
        expected.load(new StringReader(text));
        assertThat(doc.keys()).containsExactlyInAnyOrderElementsOf(expected.stringPropertyNames());
        for (String key : expected.stringPropertyNames()) {
            assertThat(doc.value(key)).as(key).isEqualTo(expected.getProperty(key));
        }
    }
}
