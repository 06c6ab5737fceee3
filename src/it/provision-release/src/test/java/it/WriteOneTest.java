package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class WriteOneTest {

    @Test
    void writesARowIntoTheProvisionedDatabase() throws Exception {
        String url = System.getProperty("db.url");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE written (who text)");
            st.execute("INSERT INTO written VALUES ('One')");
            try (ResultSet rs = st.executeQuery("SELECT current_database(), count(*) FROM written")) {
                rs.next();
                assertEquals(1, rs.getInt(2));
                Files.writeString(Path.of(System.getProperty("marker.dir"), "db-One.txt"), rs.getString(1) + "\n" + url);
            }
        }
    }
}
