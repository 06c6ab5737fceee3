package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Tests that really use the project's test databases: they must keep working with the guard armed. */
class ShopRepositoryTest {

    static final String POSTGRES = "jdbc:postgresql://localhost:5432/";
    static final String MARIADB = "jdbc:mariadb://localhost:3306/";

    @Test
    void postgresThroughDriverManager() throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES + read("database.txt"), "postgres", "")) {
            assertEquals(3, countCustomers(connection));
        }
    }

    @Test
    void postgresThroughHikari() throws Exception {
        assertPoolReads(POSTGRES + read("database.txt"), "postgres");
    }

    @Test
    void mariadbThroughDriverManager() throws Exception {
        try (Connection connection = DriverManager.getConnection(MARIADB + read("mariadb-database.txt") + "?user=root")) {
            assertEquals(3, countCustomers(connection));
        }
    }

    @Test
    void mariadbThroughHikari() throws Exception {
        assertPoolReads(MARIADB + read("mariadb-database.txt"), "root");
    }

    /** Borrows from the pool many times: the guard judges the database once, the pool keeps working. */
    private static void assertPoolReads(String url, String user) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(3);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            for (int i = 0; i < 50; i++) {
                try (Connection connection = pool.getConnection()) {
                    assertEquals(3, countCustomers(connection));
                }
            }
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
