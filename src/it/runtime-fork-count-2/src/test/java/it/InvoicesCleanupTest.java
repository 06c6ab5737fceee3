package it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Empties the invoices database (MariaDB). */
class InvoicesCleanupTest {

    @Test
    void startsWithoutInvoices() throws Exception {
        String database = Files.readString(Path.of("mariadb-database.txt")).trim();
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "a test ran");
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://localhost:3306/" + database + "?user=root");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM customers");
        }
    }
}
