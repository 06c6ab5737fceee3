package it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Empties the developer's billing database (PostgreSQL), its name read from a file. */
class BillingCleanupTest {

    @Test
    void startsWithoutCustomers() throws Exception {
        String database = Files.readString(Path.of("database.txt")).trim();
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "a test ran");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database,
                "postgres", ""); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM customers");
        }
    }
}
