package dev.testguard.jdbc;

import static dev.testguard.jdbc.ParsedUrl.assertParsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GarbageAndUnknownUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                              | storage | hosts        | db    | user | password
            jdbc:db2://h:50000/db                              | SERVER  | h:50000      | db    |      |
            jdbc:db2://h:50000/db:user=u;password=db2Secret1;  | SERVER  | h:50000      | db:user=u |  | db2Secret1
            jdbc:foo:bar                                       | UNKNOWN |              |       |      |
            jdbc:firebirdsql://h:3050/employee?user=u          | SERVER  | h:3050       | employee | u |
            jdbc:clickhouse://a:8123,b:8123/analytics          | SERVER  | a:8123,b:8123 | analytics | | 
            jdbc:informix-sqli://h:9088/db:INFORMIXSERVER=x    | SERVER  | h:9088       | db:INFORMIXSERVER=x | |
            jdbc:db2://h:notaport/db                           | UNKNOWN |              | db    |      |
            jdbc:weird://[::1/db                               | UNKNOWN |              | db    |      |
            jdbc:vertica://u:vPass123@h:5433/db                | SERVER  | h:5433       | db    | u    | vPass123
            """)
    void unknownVendorsKeepWhatTheyCan(String raw, Storage storage, String hosts, String db, String user,
            String password) {
        assertParsed(raw, Vendor.UNKNOWN, storage, hosts, false, db, null, user, password);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "jdbc:", "jdbc:postgresql:", "jdbc:postgresql://", "not a url", "jdbc:mysql:",
        "jdbc:mysql://h:notaport/db", "jdbc:mysql://h:99999/db", "jdbc:mysql://address=(host=h/db",
        "jdbc:mysql://address=(host=h)(port=3306/db", "jdbc:mysql://(host=h,port=3306/db", "jdbc:mysql://[/db",
        "jdbc:postgresql://[/db", "jdbc:postgresql://[::1/db", "jdbc:postgresql://::1/db", "jdbc:postgresql://h:-1/db", "jdbc:mysql://h]/db", "jdbc:mysql:loadbalance:h1,h2/db", "jdbc:mysql://address=h/db",
        "jdbc:h2:", "jdbc:h2:file:", "jdbc:h2:tcp://h", "jdbc:h2:tcp://h/", "jdbc:hsqldb:", "jdbc:hsqldb:file:",
        "jdbc:hsqldb:hsql:///db", "jdbc:derby:", "jdbc:derby://h", "jdbc:sqlserver:h;databaseName=x",
        "jdbc:sqlserver://h:port;databaseName=x", "jdbc:sqlserver://h;databaseName=x;junk", "jdbc:oracle:thin:",
        "jdbc:oracle:thin:@", "jdbc:oracle:thin:h:1521:SID", "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=h)",
        "jdbc:oracle:thin:@(DESCRIPTION=(CONNECT_DATA=(SERVICE_NAME=x)))", "jdbc:oracle:thin:@//:1521/x",
        "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=abc)))", "postgres://h/db", "JDBC", "jdbc:://h/db"})
    void garbageIsAClearJdbcUrlException(String raw) {
        assertThatThrownBy(() -> JdbcUrlParser.parse(raw))
                .isExactlyInstanceOf(JdbcUrlException.class)
                .hasMessageNotContaining("Exception")
                .message().satisfiesAnyOf(
                        m -> assertThat(m).contains("Cannot read JDBC URL '" + String.valueOf(raw).strip() + "'"),
                        m -> assertThat(m).startsWith("A JDBC URL is empty"));
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:mysql://h:notaport/db"))
                .hasMessage("Cannot read JDBC URL 'jdbc:mysql://h:notaport/db': the port 'notaport' is not a number");
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:mysql://address=(host=h/db"))
                .hasMessageEndingWith("a '(' is never closed");
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:postgresql://[/db"))
                .hasMessageEndingWith("a '[' is never closed");
        assertThatThrownBy(() -> JdbcUrlParser.parse("not a url"))
                .hasMessageEndingWith("a JDBC URL starts with 'jdbc:'");
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:postgresql:"))
                .hasMessageContaining("names no database").hasMessageContaining("jdbc:postgresql://host:5432/database");
    }

    @Test
    void messagesMaskThePassword() {
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:mysql://u:hunter22@h:x/db"))
                .hasMessageContaining("jdbc:mysql://u:****@h:x/db").hasMessageNotContaining("hunter22");
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:postgresql://h:x/db?password=hunter22"))
                .hasMessageNotContaining("hunter22");
        assertThatThrownBy(() -> JdbcUrlParser.parse("jdbc:oracle:thin:scott/hunter22@"))
                .hasMessageNotContaining("hunter22");
    }
}
