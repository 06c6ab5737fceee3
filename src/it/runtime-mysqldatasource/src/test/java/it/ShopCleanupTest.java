package it;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A careless clean-up test over MySQL Connector/J's own DataSource (no URL anywhere). */
class ShopCleanupTest {

    @Test
    void startsFromAnEmptyCustomerTable() throws Exception {
        String database = Files.readString(Path.of("database.txt")).trim();
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "a test ran");
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setServerName("localhost");
        dataSource.setPort(3306);
        dataSource.setDatabaseName(database);
        dataSource.setUser("root");
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM customers");
        }
    }
}
