package it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OrdersRepositoryTest extends AbstractRepositoryTest {
    @Test
    void wouldWipeTheDatabase() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/test-ran.marker"), "a test ran");
    }
}
