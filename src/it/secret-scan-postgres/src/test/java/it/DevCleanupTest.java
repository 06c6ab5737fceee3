package it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A careless clean-up test aimed at the developer's database, with the role's password in the URL, as a parameter
 * and as a connection property: the guard refuses each, and what it says and records must not show the password.
 */
class DevCleanupTest {

    @Test
    void emptiesTheDevelopersTable() throws Exception {
        assumeTrue("true".equals(System.getenv("IT_REFUSE")), "the refusal run only");
        Files.createDirectories(Path.of("target"));
        List<String> lines = Files.readAllLines(Path.of("runtime.txt"));
        String role = lines.get(0);
        String password = lines.get(1);
        List<String> refusals = new ArrayList<>();
        for (String url : lines.subList(2, lines.size())) {
            try (Connection c = url.contains("password") || url.contains("@")
                    ? DriverManager.getConnection(url) : DriverManager.getConnection(url, role, password);
                 Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM customers");
            } catch (SQLException e) {
                refusals.add(e.getMessage());
            }
        }
        Files.write(Path.of("target/test-ran.marker"), refusals);
    }
}
