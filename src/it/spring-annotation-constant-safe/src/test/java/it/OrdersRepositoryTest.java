package it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Its Spring context would see the in-memory database only: constants the compiler inlines into the annotation. */
@TestPropertySource(properties = {"spring.datasource.url=" + DbUrls.IN_MEMORY + "orders", OrdersRepositoryTest.USER})
class OrdersRepositoryTest {
    static final String USER = """
            spring.datasource.username=sa
            """;

    @Test
    void wouldWipeTheDatabase() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/test-ran.marker"), "a test ran");
    }
}
