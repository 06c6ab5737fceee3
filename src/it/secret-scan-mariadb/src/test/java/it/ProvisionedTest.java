package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writes through the URL provision handed over, logged in as the role: the guard allows it. */
class ProvisionedTest {

    @Test
    void writesIntoTheProvisionedDatabase() throws Exception {
        String url = System.getenv("DB_URL");
        assumeTrue(url != null && url.startsWith("jdbc:"), "no provisioned database in this run");
        List<String> login = Files.readAllLines(Path.of("runtime.txt"));
        // a URL without the password (provisioned through a settings.xml server) logs in as the role with its password
        try (Connection c = url.contains("password=") ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, login.get(0), login.get(1));
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE written (who text)");
            st.execute("INSERT INTO written VALUES ('provisioned')");
            try (ResultSet rs = st.executeQuery("SELECT current_user, count(*) FROM written")) {
                rs.next();
                assertEquals(1, rs.getInt(2));
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target/provisioned-user.txt"), rs.getString(1));
            }
        }
    }
}
