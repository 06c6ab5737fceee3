package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Tests that read the databases stamped test. */
class InventoryTest {

    @Test
    void readsThePostgresInventory() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + read("database.txt"), "postgres", "")) {
            assertEquals(3, countCustomers(connection));
        }
    }

    @Test
    void readsTheMariadbInventory() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://localhost:3306/" + read("mariadb-database.txt") + "?user=root")) {
            assertEquals(3, countCustomers(connection));
        }
    }

    private static int countCustomers(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM customers")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String read(String file) throws Exception {
        return Files.readString(Path.of(file)).trim();
    }

    @AfterAll
    static void ran() throws Exception {
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "the tests read rows");
    }
}
