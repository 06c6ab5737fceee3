package it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** What a careless test does to a database it should never have touched. */
class WipeTest {

    @Test
    void wipes() throws Exception {
        try (Connection c = DriverManager.getConnection(System.getProperty("testguard.url"), "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("DELETE FROM orders WHERE id > 10");
            st.execute("DROP TABLE notes");
        }
    }
}
