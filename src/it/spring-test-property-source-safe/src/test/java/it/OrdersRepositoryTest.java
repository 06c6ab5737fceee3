package it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** Its Spring context would see the in-memory database only: the annotation beats every file and system property. */
@ActiveProfiles("ci")
@TestPropertySource(properties = """
        spring.datasource.url=jdbc:h2:mem:orders
        spring.datasource.username=sa
        """)
class OrdersRepositoryTest {
    @Test
    void wouldWipeTheDatabase() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/test-ran.marker"), "a test ran");
    }
}
