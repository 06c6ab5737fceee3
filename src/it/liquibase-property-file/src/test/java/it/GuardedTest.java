package it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Stands for a test that would wipe the database it is given: it must only run when testguard lets it. */
class GuardedTest {
    @Test
    void wouldWipeTheDatabase() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/test-ran.marker"), "a test ran");
    }
}
