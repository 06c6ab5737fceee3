package dev.testguard.discovery.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainApplicationFilesSourceTest {

    @TempDir
    Path dir;

    private final PlainApplicationFilesSource source = new PlainApplicationFilesSource();

    @Test
    void reportsJdbcValuesOfAProjectWithoutFrameworkAndAdvisesHidingTheMainFile() {
        List<DiscoveredUrl> found = new ProjectTree(dir)
                .mainResource("application.properties", "# app\napp.datasource.url=jdbc:h2:./data/notes-dev\n"
                        + "app.datasource.username=sa\napp.name=notes\n")
                .discover(source);
        assertThat(found).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:h2:./data/notes-dev");
            assertThat(u.provenance().location()).isEqualTo("src/main/resources/application.properties:2");
            assertThat(u.provenance().howToChange()).isEqualTo("add src/test/resources/application.properties"
                    + " (it hides this file from tests) with app.datasource.url set to a test database, or use an"
                    + " in-memory database");
            assertThat(u.credentials().username()).isEqualTo("sa");
        });
    }

    @Test
    void aTestFileOfTheSameNameHidesTheMainOneAndIsEditedInPlace() {
        List<DiscoveredUrl> found = new ProjectTree(dir)
                .mainResource("application.properties", "app.datasource.url=jdbc:h2:./data/notes-dev\n")
                .testResource("application.properties", "app.datasource.url=jdbc:postgresql://db.example.com/notes\n")
                .discover(source);
        assertThat(found).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:postgresql://db.example.com/notes");
            assertThat(u.provenance().howToChange())
                    .startsWith("set app.datasource.url in src/test/resources/application.properties to a test database");
        });
    }

    @Test
    void staysQuietWhenAFrameworkSourceOwnsTheFiles() {
        assertThat(new ProjectTree(dir)
                .mainResource("application.properties", "spring.datasource.url=jdbc:postgresql://localhost/orders\n")
                .discover(source)).isEmpty();
    }
}
