package dev.testguard.jdbc;

import static dev.testguard.jdbc.ParsedUrl.assertParsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class H2UrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                                  | storage | hosts          | db      | filePath             | user | password
            jdbc:h2:mem:x                                                          | MEMORY  |                | x       |                      |      |
            jdbc:h2:mem:                                                           | MEMORY  |                |         |                      |      |
            jdbc:h2:mem:testdb;DB_CLOSE_DELAY=-1                                   | MEMORY  |                | testdb  |                      |      |
            jdbc:h2:file:/abs/db                                                   | FILE    |                | db      | /abs/db              |      |
            jdbc:h2:./data/db                                                      | FILE    |                | db      | ./data/db            |      |
            jdbc:h2:./target/testdb                                                | FILE    |                | testdb  | ./target/testdb      |      |
            jdbc:h2:~/db                                                           | FILE    |                | db      | ~/db                 |      |
            jdbc:h2:data/db                                                        | FILE    |                | db      | data/db              |      |
            jdbc:h2:C:/data/app                                                    | FILE    |                | app     | C:/data/app          |      |
            jdbc:h2:/abs/db;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=x9secret | FILE | 		    | db      | /abs/db              | sa   | x9secret
            jdbc:h2:file:./target/app;AUTO_SERVER=TRUE                             | FILE    |                | app     | ./target/app         |      |
            jdbc:h2:zip:~/db.zip!/test                                             | FILE    |                | test    | ~/db.zip!/test       |      |
            jdbc:h2:split:~/big                                                    | FILE    |                | big     | ~/big                |      |
            jdbc:h2:split:28:~/big                                                 | FILE    |                | big     | ~/big                |      |
            jdbc:h2:nio:~/fast                                                     | FILE    |                | fast    | ~/fast               |      |
            jdbc:h2:async:~/db                                                     | FILE    |                | db      | ~/db                 |      |
            jdbc:h2:memFS:test                                                     | MEMORY  |                | test    |                      |      |
            jdbc:h2:tcp://localhost:9092/~/test                                    | SERVER  | localhost:9092 | test    |                      |      |
            jdbc:h2:tcp://h/mem:db                                                 | SERVER  | h              | db      |                      |      |
            jdbc:h2:tcp://h:9092/./target/app;USER=sa                              | SERVER  | h:9092         | app     |                      | sa   |
            jdbc:h2:ssl://h:9093/~/secure                                          | SERVER  | h:9093         | secure  |                      |      |
            jdbc:h2:tcp://[::1]:9092/file:/data/x                                  | SERVER  | [::1]:9092     | x       |                      |      |
            """)
    void parses(String raw, Storage storage, String hosts, String db, String filePath, String user, String password) {
        assertParsed(raw, Vendor.H2, storage, hosts, false, db, filePath, user, password);
    }

    @Test
    void settingsBecomeParametersInOrder() {
        JdbcUrl url = JdbcUrlParser.parse("jdbc:h2:mem:t;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;USER=sa;PASSWORD=x");
        assertThat(url.parameters()).containsExactly(Map.entry("MODE", "PostgreSQL"), Map.entry("DB_CLOSE_DELAY", "-1"),
                Map.entry("USER", "sa"), Map.entry("PASSWORD", "x"));
    }

    @Test
    void settingsMayBeLowerCase() {
        JdbcUrl url = JdbcUrlParser.parse("jdbc:h2:mem:t;user=sa;password=topsecret");
        assertThat(url.user()).isEqualTo("sa");
        assertThat(url.password()).isEqualTo("topsecret");
    }
}
