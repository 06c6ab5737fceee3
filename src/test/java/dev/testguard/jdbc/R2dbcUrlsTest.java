package dev.testguard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class R2dbcUrlsTest {

    private static UrlStyle.Converted converted(String r2dbc) {
        return R2dbcUrls.toJdbc(r2dbc).orElseThrow();
    }

    @Test
    void serverUrlsBecomeTheSameJdbcTargetWithoutCredentials() {
        UrlStyle.Converted pg = converted("r2dbc:postgresql://shop:s3cret@db.example.com:5433/orders?sslMode=require");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/orders");
        assertThat(pg.credentials()).isEqualTo(new Credentials("shop", "s3cret"));
        assertThat(converted("r2dbc:mysql://localhost/shop").jdbcUrl()).isEqualTo("jdbc:mysql://localhost/shop");
        assertThat(converted("r2dbc:mariadb://127.0.0.1:3307/shop").jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3307/shop");
        assertThat(converted("r2dbcs:postgresql://[::1]:5432/a_test").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/a_test");
    }

    @Test
    void poolAndProxyWrapTheRealDriver() {
        assertThat(converted("r2dbc:pool:postgresql://localhost:5432/shop_test?maxSize=5").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/shop_test");
        assertThat(converted("r2dbc:pool:h2:mem:///pooled").jdbcUrl()).isEqualTo("jdbc:h2:mem:pooled");
    }

    @Test
    void h2FormsKeepTheirStorage() {
        assertThat(converted("r2dbc:h2:mem:///testdb").jdbcUrl()).isEqualTo("jdbc:h2:mem:testdb");
        assertThat(converted("r2dbc:h2:mem:testdb").jdbcUrl()).isEqualTo("jdbc:h2:mem:testdb");
        assertThat(converted("r2dbc:h2:file//./data/shop").jdbcUrl()).isEqualTo("jdbc:h2:file:./data/shop");
        assertThat(converted("r2dbc:h2:tcp://localhost:9092/shop").jdbcUrl()).isEqualTo("jdbc:h2:tcp://localhost:9092/shop");
    }

    @Test
    void theDatabaseOptionNamesTheDatabaseWhenThePathDoesNot() {
        UrlStyle.Converted c = converted("r2dbc:postgresql://localhost?database=orders&user=app&password=pw");
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/orders");
        assertThat(c.credentials()).isEqualTo(new Credentials("app", "pw"));
    }

    @Test
    void unknownDriversAndOtherValuesGiveNothing() {
        assertThat(R2dbcUrls.toJdbc("r2dbc:cockroach://localhost/x")).isEmpty();
        assertThat(R2dbcUrls.toJdbc("jdbc:postgresql://localhost/x")).isEmpty();
        assertThat(R2dbcUrls.toJdbc(Map.of("driver", "pool", "protocol", "mysql", "host", "h", "database", "d")))
                .isEqualTo("jdbc:mysql://h/d");
    }

    @Test
    void parsedJdbcFormIsJudgedByTheOneParser() {
        JdbcUrl url = JdbcUrlParser.parse(converted("r2dbc:postgresql://localhost/shop?sslMode=disable").jdbcUrl(),
                Map.of("user", "app"));
        assertThat(url.databaseName()).isEqualTo("shop");
        assertThat(url.user()).isEqualTo("app");
        assertThat(UrlStyle.toJdbc("r2dbc:mysql://u:p@localhost/x").orElseThrow().jdbcUrl()).isEqualTo("jdbc:mysql://localhost/x");
        assertThat(UrlStyle.toJdbc("vertx-reactive:postgresql://localhost/x").orElseThrow().jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/x");
        assertThat(UrlStyle.isConnectionUrl(" r2dbc:h2:mem:///x")).isTrue();
    }
}
