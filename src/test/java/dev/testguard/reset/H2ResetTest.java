package dev.testguard.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrlParser;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class H2ResetTest extends ResetContractTest {

    @Override
    DatabaseTarget newDatabase(String nameToken) throws Exception {
        String name = "app_" + nameToken + "_" + UUID.randomUUID().toString().substring(0, 8);
        DatabaseTarget db = new DatabaseTarget(JdbcUrlParser.parse("jdbc:h2:file:./data/" + name), Credentials.NONE);
        Connections.open(connectable(db), Duration.ofSeconds(5)).close();
        return db;
    }

    @Override
    void dropAll() {
        // the @TempDir goes with the files
    }

    @Test
    void refusesToTouchAFileAnotherConnectionHoldsOpen() throws Exception {
        DatabaseTarget db = newDatabase("test");
        exec(db, createItems(), "INSERT INTO items VALUES (1, 'open')");
        try (Connection open = Connections.open(connectable(db), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> resetter().reset(db, options(BaselineMode.SAVE, List.of()))).hasMessageContaining("is open");
            assertThatThrownBy(() -> resetter().reset(db, options(BaselineMode.IGNORE, List.of()))).hasMessageContaining("is open");
        }
        assertThat(count(db)).isEqualTo(1);
    }
}
