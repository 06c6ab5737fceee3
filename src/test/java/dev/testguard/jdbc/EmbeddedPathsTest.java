package dev.testguard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedPathsTest {

    private static final Path BASE = Path.of("/work/project");
    private static final Path HOME = Path.of("/home/alice");

    @Test
    void relativePathsStartInTheBaseDirectory() {
        assertThat(EmbeddedPaths.resolve("./data/app", BASE, HOME)).isEqualTo(Path.of("/work/project/data/app"));
        assertThat(EmbeddedPaths.resolve("data/../target/app", BASE, HOME)).isEqualTo(Path.of("/work/project/target/app"));
    }

    @Test
    void tildeIsTheHomeDirectoryAndFilePrefixesAreDropped() {
        assertThat(EmbeddedPaths.resolve("~/db/app", BASE, HOME)).isEqualTo(Path.of("/home/alice/db/app"));
        assertThat(EmbeddedPaths.resolve("~", BASE, HOME)).isEqualTo(HOME);
        assertThat(EmbeddedPaths.resolve("file:/var/db/app", BASE, HOME)).isEqualTo(Path.of("/var/db/app"));
        assertThat(EmbeddedPaths.resolve("FILE:rel.db", BASE, HOME)).isEqualTo(Path.of("/work/project/rel.db"));
    }

    @Test
    void noUsablePathIsNull() {
        assertThat(EmbeddedPaths.resolve(null, BASE, HOME)).isNull();
        assertThat(EmbeddedPaths.resolve("  ", BASE, HOME)).isNull();
        assertThat(EmbeddedPaths.resolve("bad\u0000path", BASE, HOME)).isNull();
    }
}
