package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Reads the module's own test database (PostgreSQL), many times: the guard lets it through. */
class OrdersRepositoryTest {

    @Test
    void readsTheTestDatabase() throws Exception {
        String database = Files.readString(Path.of("database.txt")).trim();
        for (int i = 0; i < 20; i++) {
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database,
                    "postgres", ""); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM customers")) {
                rows.next();
                assertEquals(3, rows.getInt(1));
            }
        }
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "a test ran");
    }
}
