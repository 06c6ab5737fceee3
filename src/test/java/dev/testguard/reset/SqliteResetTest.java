package dev.testguard.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrlParser;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqliteResetTest extends ResetContractTest {

    @Override
    DatabaseTarget newDatabase(String nameToken) throws Exception {
        String name = "app_" + nameToken + "_" + UUID.randomUUID().toString().substring(0, 8) + ".db";
        Files.createDirectories(project.resolve("data"));
        DatabaseTarget db = new DatabaseTarget(JdbcUrlParser.parse("jdbc:sqlite:data/" + name), Credentials.NONE);
        Connections.open(connectable(db), Duration.ofSeconds(5)).close();
        return db;
    }

    @Override
    void dropAll() {
        // the @TempDir goes with the files
    }

    @Override
    String initScript() {
        return super.initScript() + "CREATE TABLE audit (n INT);\nCREATE TRIGGER items_audit AFTER INSERT ON items BEGIN\n"
                + "  INSERT INTO audit VALUES (NEW.id);\n  INSERT INTO audit VALUES (NEW.id + 100);\nEND;\n";
    }

    @Test
    void baselineOfADatabaseInWalModeWhileItIsOpen() throws Exception {
        DatabaseTarget db = newDatabase("test");
        try (Connection open = Connections.open(connectable(db), Duration.ofSeconds(5)); Statement st = open.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute(createItems());
            st.execute("INSERT INTO items VALUES (1, 'in the wal')");
            resetter().reset(db, options(BaselineMode.SAVE, List.of()));
        }
        exec(db, "DELETE FROM items");
        resetter().reset(db, options(BaselineMode.USE, List.of()));
        assertThat(labels(db)).containsExactly("in the wal");
    }
}
