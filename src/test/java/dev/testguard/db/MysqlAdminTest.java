package dev.testguard.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.mysql.MariaDbFixture;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MysqlAdminTest {

    private static JdbcUrl url(String raw) {
        return new JdbcUrl(raw, Vendor.MYSQL, Storage.SERVER, List.of(), false, "shop", null, Map.of(), null, null);
    }

    @Test
    void withDatabaseRewritesOnlyThePath() {
        assertThat(MysqlAdmin.withDatabase(url("jdbc:mysql://h:3306/shop?useSSL=false&password=x"), "other").raw())
                .isEqualTo("jdbc:mysql://h:3306/other?useSSL=false&password=x");
        assertThat(MysqlAdmin.withDatabase(url("jdbc:mysql://h1,h2:3307/shop"), null).raw())
                .isEqualTo("jdbc:mysql://h1,h2:3307/");
        assertThat(MysqlAdmin.withDatabase(url("jdbc:mariadb://h?x=1"), "db2").raw()).isEqualTo("jdbc:mariadb://h/db2?x=1");
        assertThat(MysqlAdmin.withDatabase(url("jdbc:mysql://h"), "db3").databaseName()).isEqualTo("db3");
    }

    @Test
    void createsCountsAndDropsDatabases() throws Exception {
        try (MariaDbFixture fixture = new MariaDbFixture()) {
            String name = fixture.reserveName("admin");
            MysqlAdmin admin = new MysqlAdmin(MariaDbFixture.target("mysql"));
            assertThat(admin.serverVersion()).contains("MariaDB");
            assertThat(admin.exists(name)).isFalse();
            admin.create(name);
            assertThat(admin.exists(name)).isTrue();
            MariaDbFixture.exec(name, "CREATE TABLE b (id INT)", "CREATE TABLE a (id INT)", "INSERT INTO b VALUES (1), (2)",
                    "CREATE VIEW v AS SELECT * FROM b");
            assertThat(admin.tables(name)).containsExactly("a", "b");
            assertThat(admin.exactRowCounts(name)).containsExactly(Map.entry("a", 0L), Map.entry("b", 2L));
            assertThat(admin.sibling(name).databaseName()).isEqualTo(name);
            // a session sitting in the database does not block the drop
            try (var idle = MariaDbFixture.open(name); var st = idle.createStatement()) {
                st.execute("BEGIN");
                st.executeQuery("SELECT * FROM b FOR UPDATE").close();
                admin.drop(name);
            }
            assertThat(admin.exists(name)).isFalse();
        }
    }
}
