package it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/** A careless clean-up test over MariaDB Connector/J's own DataSource. */
class ShopCleanupTest {

    @Test
    void startsFromAnEmptyCustomerTable() throws Exception {
        String database = Files.readString(Path.of("database.txt")).trim();
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "a test ran");
        MariaDbDataSource dataSource = new MariaDbDataSource("jdbc:mariadb://localhost:3306/" + database);
        dataSource.setUser("root");
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM customers");
        }
    }
}
