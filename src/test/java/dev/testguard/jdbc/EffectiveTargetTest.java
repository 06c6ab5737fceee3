package dev.testguard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser resolves the target the driver really connects to, and refuses a URL whose parts disagree. */
class EffectiveTargetTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                        | hosts                | db
            jdbc:postgresql://127.0.0.1:5432/?PGDBNAME=shop_test         | 127.0.0.1:5432       | shop_test
            jdbc:postgresql://127.0.0.1:5432/x_test?PGDBNAME=x_test      | 127.0.0.1:5432       | x_test
            jdbc:postgresql://127.0.0.1/?dbname=a_test                   | 127.0.0.1            | a_test
            jdbc:postgresql://127.0.0.1/?DbName=a_test                   | 127.0.0.1            | a_test
            jdbc:postgresql://127.0.0.1/x_test?PGPORT=5433               | 127.0.0.1:5433       | x_test
            jdbc:postgresql:x_test?PGHOST=db.example.com&PGPORT=5433     | db.example.com:5433  | x_test
            jdbc:postgresql:x_test?host=db.example.com                   | db.example.com       | x_test
            jdbc:postgresql://h/x+test                                   | h                    | x test
            jdbc:postgresql://h/x_test?pgdbname=shop_dev                 | h                    | x_test
            """)
    void postgresParametersChooseTheTarget(String url, String hosts, String db) {
        JdbcUrl parsed = JdbcUrlParser.parse(url);
        assertThat(String.join(",", parsed.hosts().stream().map(HostPort::toString).toList())).isEqualTo(hosts);
        assertThat(parsed.databaseName()).isEqualTo(db);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "jdbc:postgresql://127.0.0.1:5432/x_test?PGDBNAME=shop_dev",
            "jdbc:postgresql://127.0.0.1:5432/x_test?dbname=shop_dev",
            "jdbc:postgresql://127.0.0.1:5432/x_test?DBNAME=shop_dev",
            "jdbc:postgresql://127.0.0.1:5432/x_test?PGDBNAME",
            "jdbc:postgresql://127.0.0.1:5432/?PGDBNAME=a_test&dbname=b_test",
            "jdbc:postgresql://127.0.0.1:5432/x_test?PGHOST=prod.example.com",
            "jdbc:postgresql://127.0.0.1:5432/x_test?host=prod.example.com",
            "jdbc:postgresql://127.0.0.1:5432/x_test?PGPORT=6543",
            "jdbc:postgresql://127.0.0.1/x_test?user=a&user=b",
            "jdbc:postgresql:x_test?service=shop",
            "jdbc:postgresql://127.0.0.1/?service=shop",
    })
    void postgresPartsThatDisagreeAreAmbiguous(String url) {
        assertThatThrownBy(() -> JdbcUrlParser.parse(url)).isInstanceOf(AmbiguousJdbcUrlException.class)
                .hasMessageContaining("does not name one database");
    }

    @Test
    void theMessageSaysWhichPartsDisagree() {
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:postgresql://127.0.0.1:5432/x_test?PGDBNAME=shop_dev"))
                .hasMessageContaining("the path says 'x_test'")
                .hasMessageContaining("the parameter PGDBNAME says 'shop_dev'");
    }

    @Test
    void postgresConnectionPropertiesCount() {
        assertThat(JdbcUrlParser.parse("jdbc:postgresql:x_test", Map.of("PGHOST", "db.example.com")).hosts())
                .containsExactly(new HostPort("db.example.com", null));
        assertThat(JdbcUrlParser.parse("jdbc:postgresql://h/", Map.of("PGDBNAME", "a_test")).databaseName())
                .isEqualTo("a_test");
        Properties props = new Properties();
        props.setProperty("PGDBNAME", "shop_dev");
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:postgresql://h/x_test", props))
                .isInstanceOf(AmbiguousJdbcUrlException.class)
                .hasMessageContaining("the connection property PGDBNAME says 'shop_dev'");
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:postgresql://h/x_test", Map.of("PGPORT", "5433")))
                .as("the host list sets port 5432 and PgJDBC ignores the property").isInstanceOf(AmbiguousJdbcUrlException.class);
        assertThat(JdbcUrlParser.parse("jdbc:postgresql://h/x_test", Map.of("PGPORT", "5432")).hosts())
                .containsExactly(new HostPort("h", 5432));
        assertThat(JdbcUrlParser.parse("jdbc:postgresql://h/x_test", Map.of("user", "app")).user()).isEqualTo("app");
        assertThat(JdbcUrlParser.parse("jdbc:postgresql://h/x_test?User=other").user()).as("PgJDBC reads 'user' only")
                .isNull();
        assertThat(JdbcUrlParser.parse("jdbc:postgresql://h/?PGDBNAME=").databaseName()).isNull();
        assertThat(JdbcUrlParser.parse("jdbc:postgresql://h/x_test?user=u", Map.of("user", "app")).user())
                .isEqualTo("u");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "jdbc:postgresql://127.0.0.1:5432/shopx\u0000_test",
            "jdbc:postgresql://127.0.0.1:5432/shopx%00_test",
            "jdbc:postgresql://127.0.0.1:5432/x_test?PGDBNAME=shopx%00_test",
            "jdbc:postgresql://127.0.0.1:5432/x_test\r\nInjected: line",
            "jdbc:postgresql://127.0.0.1:5432/x_test%0d%0a",
            "jdbc:postgresql://127.0.0.1:5432/x_test%C2%85",
            "jdbc:postgresql://127.0.0.1:5432/x_\u009btest",
            "jdbc:mysql://127.0.0.1:3306/shopx%00_test",
            "jdbc:h2:./target/x_\u0007test",
    })
    void controlCharactersAnywhereAreRefused(String url) {
        assertThatThrownBy(() -> JdbcUrlParser.parse(url)).isInstanceOf(AmbiguousJdbcUrlException.class)
                .hasMessageContaining("control character")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f]"));
    }

    @Test
    void controlCharactersInConnectionPropertiesAreRefused() {
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:postgresql://h/x_test", Map.of("PGDBNAME", "x\u0000")))
                .isInstanceOf(AmbiguousJdbcUrlException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                    | hosts            | db
            jdbc:mysql://127.0.0.1:3306/?dbname=a_test               | 127.0.0.1:3306   | a_test
            jdbc:mysql://127.0.0.1/?DBNAME=a_test                    | 127.0.0.1        | a_test
            jdbc:mysql://127.0.0.1/x_test?port=3307                  | 127.0.0.1:3307   | x_test
            jdbc:mysql:///x_test?host=db.example.com                 | db.example.com   | x_test
            jdbc:mysql://127.0.0.1/shop#_test                        | 127.0.0.1        | shop
            jdbc:mysql://127.0.0.1/%20x_test%20                      | 127.0.0.1        | x_test
            jdbc:mysql://127.0.0.1/x+test                            | 127.0.0.1        | x test
            jdbc:mariadb://127.0.0.1/?database=a_test&dbname=a_test  | 127.0.0.1        | a_test
            jdbc:mariadb://127.0.0.1/x_test                          | 127.0.0.1        | x_test
            """)
    void mysqlParametersChooseTheTarget(String url, String hosts, String db) {
        JdbcUrl parsed = JdbcUrlParser.parse(url);
        assertThat(String.join(",", parsed.hosts().stream().map(HostPort::toString).toList())).isEqualTo(hosts);
        assertThat(parsed.databaseName()).isEqualTo(db);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "jdbc:mysql://127.0.0.1:3306/x_test?dbname=shop_dev",
            "jdbc:mysql://127.0.0.1:3306/x_test?DbName=shop_dev",
            "jdbc:mysql://127.0.0.1:3306/?dbname=a_test&DBNAME=b_test",
            "jdbc:mysql://127.0.0.1:3306/?dbname=a_test&dbname=b_test",
            "jdbc:mysql://127.0.0.1:3306/x_test?host=prod.example.com",
            "jdbc:mysql://127.0.0.1:3306/x_test?port=3307",
            "jdbc:mysql://(host=127.0.0.1,dbname=shop_dev)/x_test",
            "jdbc:mysql://127.0.0.1/x_test?propertiesTransform=com.example.Rewrite",
            "jdbc:mariadb://127.0.0.1:3306/x_test?dbname=shop_dev",
            "jdbc:mariadb://127.0.0.1:3306/x_test?database=shop_dev",
            "jdbc:mariadb://127.0.0.1:3306/x_test?DATABASE=shop_dev",
            "jdbc:mariadb://127.0.0.1:3306/?database=a_test&Database=b_test",
            "jdbc:mariadb://127.0.0.1:3306/x%5Ftest",
            "jdbc:mariadb://127.0.0.1:3306/shop#_test",
            "jdbc:mariadb:///x_test?host=prod.example.com",
    })
    void mysqlPartsThatDisagreeAreAmbiguous(String url) {
        assertThatThrownBy(() -> JdbcUrlParser.parse(url)).isInstanceOf(AmbiguousJdbcUrlException.class)
                .hasMessageContaining("does not name one database");
    }

    @Test
    void mysqlConnectionPropertiesCount() {
        assertThat(JdbcUrlParser.parse("jdbc:mysql://h/", Map.of("dbname", "a_test")).databaseName())
                .isEqualTo("a_test");
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:mysql://h/x_test", Map.of("DBNAME", "shop_dev")))
                .isInstanceOf(AmbiguousJdbcUrlException.class);
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:mariadb://h/x_test", Map.of("database", "shop_dev")))
                .isInstanceOf(AmbiguousJdbcUrlException.class);
        assertThat(JdbcUrlParser.parse("jdbc:mysql://h/x_test?user=q", Map.of("user", "app")).user()).isEqualTo("app");
        assertThat(JdbcUrlParser.parse("jdbc:mysql://u@h/x_test", Map.of("user", "app")).user()).isEqualTo("u");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "jdbc:sqlserver://127.0.0.1:1433;databaseName=x_test;database=shop_dev",
            "jdbc:sqlserver://127.0.0.1:1433;DATABASENAME=x_test;Database=shop_dev",
            "jdbc:sqlserver://127.0.0.1:1433;databaseName=x_test;serverName=prod.example.com",
            "jdbc:jtds:sqlserver://127.0.0.1:1433/x_test;databaseName=shop_dev",
            "jdbc:derby:target/x_test;databaseName=shop_dev",
            "jdbc:derby://127.0.0.1:1527/x_test;databaseName=shop_dev",
    })
    void settingsThatNameAnotherDatabaseAreAmbiguous(String url) {
        assertThatThrownBy(() -> JdbcUrlParser.parse(url)).isInstanceOf(AmbiguousJdbcUrlException.class);
    }

    @Test
    void sqlServerConnectionPropertiesCount() {
        assertThat(JdbcUrlParser.parse("jdbc:sqlserver://127.0.0.1:1433", Map.of("databaseName", "a_test"))
                .databaseName()).isEqualTo("a_test");
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:sqlserver://127.0.0.1;databaseName=x_test",
                Map.of("database", "shop_dev"))).isInstanceOf(AmbiguousJdbcUrlException.class);
        assertThat(JdbcUrlParser.parse("jdbc:sqlserver://127.0.0.1;databaseName=x_test;database=x_test").databaseName())
                .isEqualTo("x_test");
    }
}
