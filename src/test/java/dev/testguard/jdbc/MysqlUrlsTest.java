package dev.testguard.jdbc;

import static dev.testguard.jdbc.ParsedUrl.assertParsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MysqlUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                                           | vendor  | hosts                 | unix  | db  | user | password
            jdbc:mysql://h:3306/db                                                          | MYSQL   | h:3306                | false | db  |      |
            jdbc:mysql://u:s3cret@h/db                                                      | MYSQL   | h                     | false | db  | u    | s3cret
            jdbc:mysql://u:p%3Aw%40x@h/db                                                   | MYSQL   | h                     | false | db  | u    | p:w@x
            jdbc:mysql://u@h/db                                                             | MYSQL   | h                     | false | db  | u    |
            jdbc:mysql://h1,h2:3307/db                                                      | MYSQL   | h1,h2:3307            | false | db  |      |
            jdbc:mysql:loadbalance://h1,h2/db                                               | MYSQL   | h1,h2                 | false | db  |      |
            jdbc:mysql:replication://h1:3306,h2:3307/db?user=u                              | MYSQL   | h1:3306,h2:3307       | false | db  | u    |
            jdbc:mysql:failover://h1,h2/db                                                  | MYSQL   | h1,h2                 | false | db  |      |
            jdbc:mysql+srv://_mysql._tcp.example.com/db                                     | MYSQL   | _mysql._tcp.example.com | false | db |   |
            jdbc:mysql+srv:loadbalance://srv.example.com/db                                 | MYSQL   | srv.example.com       | false | db  |      |
            jdbc:mysql://address=(host=h)(port=3306)(user=u)(password=s3cret),address=(host=h2)/db | MYSQL | h:3306,h2        | false | db  | u    | s3cret
            jdbc:mysql://(host=h,port=3306,user=u)/db                                       | MYSQL   | h:3306                | false | db  | u    |
            jdbc:mysql://(host=h,port=3306,user=u,password=s3cret),h2:3307/db               | MYSQL   | h:3306,h2:3307        | false | db  | u    | s3cret
            jdbc:mysql://[::1]:3306/db                                                      | MYSQL   | [::1]:3306            | false | db  |      |
            jdbc:mysql:///db                                                                | MYSQL   | localhost             | false | db  |      |
            jdbc:mysql://                                                                   | MYSQL   | localhost             | false |     |      |
            jdbc:mysql://h                                                                  | MYSQL   | h                     | false |     |      |
            jdbc:mysql://h:3306?user=me@srv                                                 | MYSQL   | h:3306                | false |     | me@srv |
            jdbc:mysql://h/my%20db?useSSL=false                                             | MYSQL   | h                     | false | my db |    |
            jdbc:mariadb://h/db?user=u&password=p                                           | MARIADB | h                     | false | db  | u    | p
            jdbc:mariadb:sequential://h1,h2/db                                              | MARIADB | h1,h2                 | false | db  |      |
            jdbc:mariadb:loadbalance://h1:3306,h2:3306/db                                   | MARIADB | h1:3306,h2:3306       | false | db  |      |
            jdbc:mariadb:replication://h1,h2/db                                             | MARIADB | h1,h2                 | false | db  |      |
            jdbc:mariadb:aurora://cluster.example.com/db                                    | MARIADB | cluster.example.com   | false | db  |      |
            jdbc:mariadb://localhost/db?localSocket=/run/mysqld/mysqld.sock                 | MARIADB |                       | true  | db  |      |
            jdbc:mysql://localhost/db?socketFactory=org.newsclub.net.mysql.AFUNIXDatabaseSocketFactory&junixsocket.file=/run/mysqld/mysqld.sock | MYSQL | | true | db | |
            jdbc:mysql://localhost/db?socketFactory=com.example.UnixSocketFactory           | MYSQL   |                       | true  | db  |      |
            jdbc:mysql://localhost/db?socket=/tmp/mysql.sock                                | MYSQL   |                       | true  | db  |      |
            jdbc:mysql://localhost/db?junixsocket.file=/tmp/mysql.sock                      | MYSQL   |                       | true  | db  |      |
            jdbc:mysqlx://(protocol=unix,path=/tmp/mysqlx.sock)/db                          | MYSQL   |                       | true  | db  |      |
            jdbc:mysql://address=(protocol=unix)(path=/var/run/mysqld/mysqld.sock)/db       | MYSQL   |                       | true  | db  |      |
            """)
    void parses(String raw, Vendor vendor, String hosts, boolean unix, String db, String user, String password) {
        assertParsed(raw, vendor, Storage.SERVER, hosts, unix, db, null, user, password);
    }

    @Test
    void userInfoBeatsTheQueryParameter() {
        JdbcUrl url = JdbcUrlParser.parse("jdbc:mysql://a:b@h/db?user=c&password=d&useSSL=false");
        assertThat(url.user()).isEqualTo("a");
        assertThat(url.password()).isEqualTo("b");
        assertThat(url.parameters()).containsExactly(Map.entry("user", "c"), Map.entry("password", "d"),
                Map.entry("useSSL", "false"));
    }
}
