package dev.testguard.jdbc;

import static dev.testguard.jdbc.ParsedUrl.assertParsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQL Server (Microsoft and jTDS), Oracle and Testcontainers. */
class ServerUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                                  | hosts           | db     | user | password
            jdbc:sqlserver://h:1433;databaseName=db;user=u;password=mssqlPw1       | h:1433          | db     | u    | mssqlPw1
            jdbc:sqlserver://h:1433;database=db                                    | h:1433          | db     |      |
            jdbc:sqlserver://h\\SQLEXPRESS;databaseName=db                       | h               | db     |      |
            jdbc:sqlserver://h\\SQLEXPRESS:1434;databaseName=db                  | h:1434          | db     |      |
            jdbc:sqlserver://;serverName=h;databaseName=db                         | h               | db     |      |
            jdbc:sqlserver://;serverName=h;portNumber=1444;databaseName=db         | h:1444          | db     |      |
            jdbc:sqlserver://h;DatabaseName=db;userName=u;password={pa;ss}         | h               | db     | u    | pa;ss
            jdbc:sqlserver://h;databaseName=db;password={pa;ss};encrypt=true       | h               | db     |      | pa;ss
            jdbc:sqlserver://[::1]:1433;databaseName=db                            | [::1]:1433      | db     |      |
            jdbc:sqlserver://                                                      | localhost       |        |      |
            jdbc:sqlserver://h;                                                    | h               |        |      |
            jdbc:jtds:sqlserver://h:1433/db                                        | h:1433          | db     |      |
            jdbc:jtds:sqlserver://h/db;user=u;password=jtdsPass1                   | h               | db     | u    | jtdsPass1
            """)
    void sqlServer(String raw, String hosts, String db, String user, String password) {
        assertParsed(raw, Vendor.SQLSERVER, Storage.SERVER, hosts, false, db, null, user, password);
    }

    @Test
    void sqlServerBracedValuesLoseTheirBraces() {
        assertThat(JdbcUrlParser.parse("jdbc:sqlserver://h;databaseName={my;db};encrypt=true").parameters())
                .containsExactly(Map.entry("databaseName", "my;db"), Map.entry("encrypt", "true"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                                  | hosts           | unix  | db       | user | password
            jdbc:oracle:thin:@h:1521:SID                                           | h:1521          | false | SID      |      |
            jdbc:oracle:thin:@//h:1521/service                                     | h:1521          | false | service  |      |
            jdbc:oracle:thin:@h:1521/service                                       | h:1521          | false | service  |      |
            jdbc:oracle:thin:@h/service                                            | h               | false | service  |      |
            jdbc:oracle:thin:u/orclPw1@//h/service                                 | h               | false | service  | u    | orclPw1
            jdbc:oracle:thin:u/"p@ss:wd"@h:1521:ORCL                               | h:1521          | false | ORCL     | u    | p@ss:wd
            jdbc:oracle:thin:@tcps://h:2484/service?wallet_location=/w             | h:2484          | false | service  |      |
            jdbc:oracle:thin:@//h:1521/service:dedicated/inst1                     | h:1521          | false | service  |      |
            jdbc:oracle:oci:@//h:1521/service                                      | h:1521          | false | service  |      |
            jdbc:oracle:thin:@tns_alias                                            |                 | false | tns_alias|      |
            jdbc:oracle:thin:@tns_alias?TNS_ADMIN=/etc/oracle                      |                 | false | tns_alias|      |
            jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS_LIST=(ADDRESS=(PROTOCOL=TCP)(HOST=h1)(PORT=1521))(ADDRESS=(PROTOCOL=TCP)(HOST=h2)(PORT=1521)))(CONNECT_DATA=(SERVICE_NAME=orcl))) | h1:1521,h2:1521 | false | orcl | |
            jdbc:oracle:thin:@( description = ( address = (protocol = tcp)(host = h)(port = 1522))(connect_data = (sid = XE))) | h:1522 | false | XE | |
            jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=IPC)(KEY=EXTPROC1))(CONNECT_DATA=(SERVICE_NAME=orcl))) |  | true | orcl | |
            """)
    void oracle(String raw, String hosts, boolean unix, String db, String user, String password) {
        assertParsed(raw, Vendor.ORACLE, Storage.SERVER, hosts, unix, db, null, user, password);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                                  | db       | user | password
            jdbc:tc:postgresql:15:///db                                            | db       |      |
            jdbc:tc:mysql:8.0://h/db?TC_INITSCRIPT=x                               | db       |      |
            jdbc:tc:postgis:9.6-2.5:///databasename?TC_DAEMON=true                 | databasename |  |
            jdbc:tc:mysql://somehostname/databasename?user=u&password=tcPass99     | databasename | u | tcPass99
            jdbc:tc:postgresql:15://                                               |          |      |
            """)
    void testcontainers(String raw, String db, String user, String password) {
        assertParsed(raw, Vendor.TESTCONTAINERS, Storage.CONTAINER, null, false, db, null, user, password);
    }

    @Test
    void testcontainersKeepsItsParameters() {
        assertThat(JdbcUrlParser.parse("jdbc:tc:mysql:8.0://h/db?TC_INITSCRIPT=x&TC_TMPFS=/var/lib/mysql:rw").parameters())
                .containsExactly(Map.entry("TC_INITSCRIPT", "x"), Map.entry("TC_TMPFS", "/var/lib/mysql:rw"));
    }
}
