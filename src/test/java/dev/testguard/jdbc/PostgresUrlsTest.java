package dev.testguard.jdbc;

import static dev.testguard.jdbc.ParsedUrl.assertParsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                                   | hosts                    | unix  | db     | user | password
            jdbc:postgresql:db                                                      | localhost                | false | db     |      |
            jdbc:postgresql://h/db                                                  | h                        | false | db     |      |
            jdbc:postgresql://h:5433/db?user=u&password=p&sslmode=require           | h:5433                   | false | db     | u    | p
            jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary           | h1:5432,h2:5433          | false | db     |      |
            jdbc:postgresql://[::1]:5432/db                                         | [::1]:5432               | false | db     |      |
            jdbc:postgresql://[2001:db8::7]/db                                      | [2001:db8::7]            | false | db     |      |
            jdbc:postgresql:///db                                                   | localhost                | false | db     |      |
            jdbc:postgresql://:5432/db                                              | localhost:5432           | false | db     |      |
            jdbc:postgresql://localhost/                                            | localhost                | false |        |      |
            jdbc:postgresql://localhost                                             | localhost                | false |        |      |
            jdbc:postgresql://h/my%20db                                             | h                        | false | my db  |      |
            jdbc:postgresql://h/db?password=s%26cret%3D&user=app                    | h                        | false | db     | app  | s&cret=
            jdbc:postgresql://u:p%40ss@h:5432/db                                    | h:5432                   | false | db     | u    | p@ss
            jdbc:postgresql:db?user=u                                               | localhost                | false | db     | u    |
            '  jdbc:postgresql://h/db  '                                            | h                        | false | db     |      |
            JDBC:PostgreSQL://h/db                                                  | h                        | false | db     |      |
            jdbc:postgresql://localhost/db?socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg&socketFactoryArg=/var/run/postgresql/.s.PGSQL.5432 | | true | db | |
            jdbc:postgresql:db?host=/var/run/postgresql                             |                          | true  | db     |      |
            jdbc:postgresql:db?socketFactory=org.newsclub.net.unix.socketfactory.PostgresqlAFUNIXSocketFactory |  | true  | db     |      |
            """)
    void parses(String raw, String hosts, boolean unix, String db, String user, String password) {
        assertParsed(raw, Vendor.POSTGRESQL, Storage.SERVER, hosts, unix, db, null, user, password);
    }

    @Test
    void keepsParametersInOrderWithDecodedValues() {
        JdbcUrl url = JdbcUrlParser.parse("jdbc:postgresql://h/db?sslmode=require&ApplicationName=my%20app&ssl");
        assertThat(url.parameters()).containsExactly(Map.entry("sslmode", "require"),
                Map.entry("ApplicationName", "my app"), Map.entry("ssl", ""));
    }

    @Test
    void aPortlessHostHasNoPort() {
        assertThat(JdbcUrlParser.parse("jdbc:postgresql://h1,h2:5433/db").hosts())
                .containsExactly(new HostPort("h1", null), new HostPort("h2", 5433));
    }
}
