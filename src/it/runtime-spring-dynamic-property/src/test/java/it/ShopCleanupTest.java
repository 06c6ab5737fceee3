package it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A careless clean-up test whose datasource is set in code, where no configuration file shows it. */
@SpringBootTest
class ShopCleanupTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "a test ran");
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:5432/" + read("database.txt"));
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsFromAnEmptyCustomerTable() {
        jdbc.update("DELETE FROM customers");
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
