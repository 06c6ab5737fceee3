package it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Clean-up tests against databases whose names say test. */
class LedgerCleanupTest {

    @Test
    void emptiesThePostgresCustomers() throws Exception {
        String database = read("database.txt");
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + database, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM customers");
        }
    }

    @Test
    void emptiesTheMariadbCustomers() throws Exception {
        String database = read("mariadb-database.txt");
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://localhost:3306/" + database + "?user=root");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM customers");
        }
    }

    private static String read(String file) throws Exception {
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "a test ran");
        return Files.readString(Path.of(file)).trim();
    }
}
