package dev.testguard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.jdbc.UrlStyle.Converted;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlStyleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # value                                                    | jdbcUrl                                              | user  | password
            postgres://u:p@h:5432/db?sslmode=require                   | jdbc:postgresql://h:5432/db?sslmode=require          | u     | p
            postgresql://u:p@h:5432/db                                 | jdbc:postgresql://h:5432/db                          | u     | p
            POSTGRES://u:p@h/db                                        | jdbc:postgresql://h/db                               | u     | p
            postgres://us%40er:p%2Fw%3Ad%20x@h/db                      | jdbc:postgresql://h/db                               | us@er | p/w:d x
            postgres://u:raw@pass/word@h:5432/db                       | jdbc:postgresql://h:5432/db                          | u     | raw@pass/word
            postgres://u@h/db                                          | jdbc:postgresql://h/db                               | u     |
            postgres://:onlypw@h/db                                    | jdbc:postgresql://h/db                               |       | onlypw
            postgres://h/db                                            | jdbc:postgresql://h/db                               |       |
            postgres://h1:5432,h2:5433/db                              | jdbc:postgresql://h1:5432,h2:5433/db                 |       |
            postgres://h/db?user=u&sslmode=require&password=p%26q      | jdbc:postgresql://h/db?sslmode=require               | u     | p&q
            mysql://u:p@h:3306/db?useSSL=false                         | jdbc:mysql://h:3306/db?useSSL=false                  | u     | p
            mysql2://u:p@h/db                                          | jdbc:mysql://h/db                                    | u     | p
            mariadb://u:p@h:3306/db                                    | jdbc:mariadb://h:3306/db                             | u     | p
            '  postgres://u:p@h/db  '                                  | jdbc:postgresql://h/db                               | u     | p
            """)
    void convertsUrlStyleValues(String value, String jdbcUrl, String user, String password) {
        Converted converted = UrlStyle.toJdbc(value).orElseThrow();
        assertThat(converted.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(converted.credentials()).isEqualTo(new Credentials(user, password));
        JdbcUrl parsed = JdbcUrlParser.parse(converted.jdbcUrl());
        assertThat(parsed.user()).isNull();
        assertThat(parsed.password()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://h/db?user=u&password=p", "JDBC:h2:mem:x", "jdbc:anything"})
    void jdbcValuesPassThroughUnchanged(String value) {
        assertThat(UrlStyle.toJdbc(value)).contains(new Converted(value, Credentials.NONE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"redis://h:6379", "http://h/db", "postgres:/h/db", "h:5432/db", "just text", "mongodb://u:p@h/db"})
    void anythingElseIsEmpty(String value) {
        assertThat(UrlStyle.toJdbc(value)).isEqualTo(Optional.empty());
    }

    @Test
    void convertedUrlsParse() {
        JdbcUrl url = JdbcUrlParser.parse(UrlStyle.toJdbc("postgres://u:p@db.internal:6543/orders_test").orElseThrow().jdbcUrl());
        assertThat(url.vendor()).isEqualTo(Vendor.POSTGRESQL);
        assertThat(url.hosts()).containsExactly(new HostPort("db.internal", 6543));
        assertThat(url.databaseName()).isEqualTo("orders_test");
    }
}
