package dev.testguard.jdbc;

import static dev.testguard.jdbc.ParsedUrl.assertParsed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** HSQLDB, Derby and SQLite: the other embedded databases. */
class EmbeddedUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                  | storage | hosts      | db      | filePath     | user | password
            jdbc:hsqldb:mem:x                                      | MEMORY  |            | x       |              |      |
            jdbc:hsqldb:mem:testdb;sql.syntax_pg=true              | MEMORY  |            | testdb  |              |      |
            jdbc:hsqldb:file:path/db;shutdown=true                 | FILE    |            | db      | path/db      |      |
            jdbc:hsqldb:file:/abs/db;user=SA;password=hsq1pass     | FILE    |            | db      | /abs/db      | SA   | hsq1pass
            jdbc:hsqldb:target/db                                  | FILE    |            | db      | target/db    |      |
            jdbc:hsqldb:res:/db                                    | MEMORY  |            | db      |              |      |
            jdbc:hsqldb:res:org/acme/seed                          | MEMORY  |            | seed    |              |      |
            jdbc:hsqldb:hsql://h:9001/db                           | SERVER  | h:9001     | db      |              |      |
            jdbc:hsqldb:hsql://h                                   | SERVER  | h          |         |              |      |
            jdbc:hsqldb:http://h/db                                | SERVER  | h          | db      |              |      |
            jdbc:hsqldb:https://h:443/db                           | SERVER  | h:443      | db      |              |      |
            jdbc:hsqldb:hsqls://h:554/db                           | SERVER  | h:554      | db      |              |      |
            """)
    void hsqldb(String raw, Storage storage, String hosts, String db, String filePath, String user, String password) {
        assertParsed(raw, Vendor.HSQLDB, storage, hosts, false, db, filePath, user, password);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                  | storage | hosts      | db      | filePath     | user | password
            jdbc:derby:memory:db;create=true                       | MEMORY  |            | db      |              |      |
            jdbc:derby:/abs/db;create=true                         | FILE    |            | db      | /abs/db      |      |
            jdbc:derby:reldb                                       | FILE    |            | reldb   | reldb        |      |
            jdbc:derby:directory:db                                | FILE    |            | db      | db           |      |
            jdbc:derby:directory:target/derby/app;create=true      | FILE    |            | app     | target/derby/app |  |
            jdbc:derby:classpath:seed/db                           | MEMORY  |            | db      |              |      |
            jdbc:derby:jar:(/libs/dbs.jar)products/boiledfood      | MEMORY  |            | boiledfood |           |      |
            jdbc:derby://h:1527/db;user=u;password=derbyPw1        | SERVER  | h:1527     | db      |              | u    | derbyPw1
            jdbc:derby://h/db                                      | SERVER  | h          | db      |              |      |
            jdbc:derby:;shutdown=true                              | UNKNOWN |            |         |              |      |
            """)
    void derby(String raw, Storage storage, String hosts, String db, String filePath, String user, String password) {
        assertParsed(raw, Vendor.DERBY, storage, hosts, false, db, filePath, user, password);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # url                                                  | storage | db      | filePath
            jdbc:sqlite:/abs/app.db                                | FILE    | app     | /abs/app.db
            jdbc:sqlite:rel.db                                     | FILE    | rel     | rel.db
            jdbc:sqlite:target/data/cache.sqlite3                  | FILE    | cache   | target/data/cache.sqlite3
            jdbc:sqlite:notes.sqlite                               | FILE    | notes   | notes.sqlite
            jdbc:sqlite:old.db3                                    | FILE    | old     | old.db3
            jdbc:sqlite:plain                                      | FILE    | plain   | plain
            jdbc:sqlite:C:/work/app.db                             | FILE    | app     | C:/work/app.db
            jdbc:sqlite:file:app.db?mode=ro                        | FILE    | app     | app.db
            jdbc:sqlite:file:///abs/my%20app.db                    | FILE    | my app  | /abs/my app.db
            jdbc:sqlite:app.db?journal_mode=WAL                    | FILE    | app     | app.db
            jdbc:sqlite::memory:                                   | MEMORY  |         |
            jdbc:sqlite:file::memory:?cache=shared                 | MEMORY  |         |
            jdbc:sqlite:file:memdb1?mode=memory&cache=shared       | MEMORY  | memdb1  |
            jdbc:sqlite:                                           | MEMORY  |         |
            jdbc:sqlite::resource:org/acme/seed.db                 | MEMORY  | seed    |
            jdbc:sqlite::resource:jar:file:/x.jar!/seed.sqlite     | MEMORY  | seed    |
            """)
    void sqlite(String raw, Storage storage, String db, String filePath) {
        assertParsed(raw, Vendor.SQLITE, storage, null, false, db, filePath, null, null);
    }

    @Test
    void sqliteKeepsItsPragmas() {
        assertThat(JdbcUrlParser.parse("jdbc:sqlite:file:app.db?mode=ro&cache=shared").parameters())
                .containsExactly(Map.entry("mode", "ro"), Map.entry("cache", "shared"));
    }

    @Test
    void derbyAttributesBecomeParameters() {
        assertThat(JdbcUrlParser.parse("jdbc:derby:memory:db;create=true;territory=de_DE").parameters())
                .containsExactly(Map.entry("create", "true"), Map.entry("territory", "de_DE"));
    }
}
