package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileSources;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.ProjectTree;
import dev.testguard.discovery.UrlSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Configuration files that are not regular files are never opened, and each one is named with what it is. */
class SkippedConfigFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFifoIsNeverOpenedAndIsNamed() throws Exception {
        Path fifo = testResources().resolve("application.yml");
        mkfifo(fifo);
        assertThat(ConfigPaths.problem(fifo)).contains("a FIFO (named pipe)");
        assertSkippedWithoutBlocking("src/test/resources/application.yml: it is a FIFO (named pipe)");
    }

    @Test
    void aLinkToDevZeroIsNamed() throws Exception {
        Files.createSymbolicLink(testResources().resolve("application.properties"), Path.of("/dev/zero"));
        assertSkippedWithoutBlocking("src/test/resources/application.properties: it is a symbolic link to a character device");
    }

    @Test
    void aLinkLoopIsNamed() throws Exception {
        Path a = testResources().resolve("application.yaml");
        Path b = testResources().resolve("loop.yaml");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertSkippedWithoutBlocking("src/test/resources/application.yaml: it is a symbolic link loop");
    }

    @Test
    void aDanglingLinkIsNamed() throws Exception {
        Files.createSymbolicLink(testResources().resolve("application.yml"), Path.of("gone.yml"));
        assertSkippedWithoutBlocking("src/test/resources/application.yml: it is a symbolic link to gone.yml, which does not exist");
    }

    @Test
    void aDirectoryNamedLikeAConfigFileIsNamed() throws Exception {
        Files.createDirectories(dir.resolve("src/main/resources/application.yml"));
        Files.createDirectories(dir.resolve("src/main/resources/META-INF/persistence.xml"));
        Files.createDirectories(dir.resolve("config/application.properties"));
        List<String> warnings = SkippedConfigFiles.find(layout());
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("src/main/resources/application.yml: it is a directory"))
                .anySatisfy(w -> assertThat(w).contains("src/main/resources/META-INF/persistence.xml: it is a directory"))
                .anySatisfy(w -> assertThat(w).contains("config/application.properties: it is a directory"));
    }

    @Test
    void regularFilesAndLinksToThemAreNotWarnedAbout() throws Exception {
        Path real = Files.writeString(testResources().resolve("application.properties"), "a=b\n");
        Files.createSymbolicLink(testResources().resolve("application-test.properties"), real);
        assertThat(SkippedConfigFiles.find(layout())).isEmpty();
        assertThat(ConfigPaths.problem(dir.resolve("absent.yml"))).isEmpty();
    }

    private void assertSkippedWithoutBlocking(String expected) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            ProjectTree tree = new ProjectTree(dir);
            for (UrlSource source : ConfigFileSources.all()) {
                assertThat(tree.discover(source)).isEmpty();
            }
            assertThat(SkippedConfigFiles.find(layout())).singleElement().asString().contains(expected);
        });
    }

    private ProjectLayout layout() {
        return new ProjectTree(dir).layout();
    }

    private Path testResources() throws Exception {
        return Files.createDirectories(dir.resolve("src/test/resources"));
    }

    static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }
}
