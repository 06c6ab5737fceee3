package shop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A careless clean-up test in the module (Surefire patches it in): it empties the customers table it is pointed at. */
class ShopCleanupTest {

    @Test
    void startsFromAnEmptyCustomerTable() throws Exception {
        String database = Files.readString(Path.of("database.txt")).trim();
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "a test ran");
        Files.writeString(Path.of("target", "test-module.txt"), String.valueOf(getClass().getModule().getName()));
        String url = "jdbc:postgresql://localhost:5432/" + database + "?user=postgres&password=Sh0p-s3cret";
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + Shop.CUSTOMERS);
        }
    }
}
