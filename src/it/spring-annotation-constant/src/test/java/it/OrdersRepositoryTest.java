package it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Its URL is a constant of the main sources (written by setup.groovy: the database name is unique per run). */
@TestPropertySource(properties = {
        "spring.datasource.username=postgres",
        "spring.datasource.url=" + DbUrls.DEV
})
class OrdersRepositoryTest {
    @Test
    void wouldWipeTheDatabase() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/test-ran.marker"), "a test ran");
    }
}
