package dev.testguard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverridesTest {

    private final PolicySettings base = Urls.settings(Path.of("/p"));

    private Overrides overrides(String... entries) {
        return Overrides.from(base.withAllowDatabases(List.of(entries)));
    }

    @Test
    void hostPortDatabaseMatchesThatDatabaseOnly() {
        Overrides o = overrides("db.example.com:5432/orders");
        assertThat(o.match(Urls.pg("db.example.com", 5432, "orders"))).contains("db.example.com:5432/orders");
        assertThat(o.match(Urls.pg("DB.Example.COM", null, "orders"))).isPresent();
        assertThat(o.match(Urls.pg("db.example.com", 5432, "billing"))).isEmpty();
        assertThat(o.match(Urls.pg("db.example.com", 5433, "orders"))).isEmpty();
        assertThat(o.match(Urls.pg("other.example.com", 5432, "orders"))).isEmpty();
        assertThat(o.match(Urls.pg("db.example.com", 5432, "Orders"))).isEmpty();
    }

    @Test
    void hostWithoutPortMeansTheVendorsDefaultPort() {
        Overrides o = overrides("localhost/shop");
        assertThat(o.match(Urls.mysql("localhost", 3306, "shop"))).isPresent();
        assertThat(o.match(Urls.mariadb("127.0.0.1", null, "shop"))).isPresent();
        assertThat(o.match(Urls.pg("localhost", 5432, "shop"))).isPresent();
        assertThat(o.match(Urls.mysql("localhost", 3307, "shop"))).isEmpty();
        JdbcUrl sqlServer = new JdbcUrl("jdbc:sqlserver://localhost;databaseName=shop", Vendor.SQLSERVER,
                Storage.SERVER, List.of(new HostPort("localhost", 1433)), false, "shop", null, Map.of(), null, null);
        assertThat(o.match(sqlServer)).isPresent();
        assertThat(overrides("localhost:1434/shop").match(sqlServer)).isEmpty();
    }

    @Test
    void loopbackSpellingsAreOneHost() {
        Overrides o = overrides("127.0.0.1:5432/orders");
        assertThat(o.match(Urls.pg("localhost", null, "orders"))).isPresent();
        assertThat(o.match(Urls.pg("::1", 5432, "orders"))).isPresent();
        assertThat(o.match(Urls.pgNoHost("orders"))).isPresent();
        assertThat(overrides("[::1]:5432/orders").match(Urls.pg("localhost", 5432, "orders"))).isPresent();
    }

    @Test
    void failoverUrlNeedsEveryHostNamed() {
        JdbcUrl failover = Urls.pgHosts("orders", new HostPort("localhost", 5432), new HostPort("replica", 5432));
        assertThat(overrides("localhost:5432/orders").match(failover)).isEmpty();
    }

    @Test
    void filePathsMatchTheResolvedFile() {
        Overrides o = overrides("/p/data/orders", "~/legacy.db");
        assertThat(o.match(Urls.h2File("./data/orders"))).contains("/p/data/orders");
        assertThat(o.match(Urls.h2File("/p/data/orders.mv.db"))).isPresent();
        assertThat(o.match(Urls.sqlite("/home/alice/legacy.db"))).contains("~/legacy.db");
        assertThat(o.match(Urls.h2File("./data/billing"))).isEmpty();
        assertThat(o.match(Urls.pg("localhost", 5432, "orders"))).isEmpty();
    }

    @Test
    void commandLineEntriesAreAdded() {
        PolicySettings settings = base.withAllowDatabases(List.of("localhost/a")).plusAllowDatabases(" localhost/b, ,"
                + "db.example.com:6543/c ");
        assertThat(settings.allowDatabases()).containsExactly("localhost/a", "localhost/b", "db.example.com:6543/c");
        Overrides o = Overrides.from(settings);
        assertThat(o.match(Urls.pg("db.example.com", 6543, "c"))).contains("db.example.com:6543/c");
        assertThat(base.plusAllowDatabases(null)).isSameAs(base);
    }

    @Test
    void unreadableEntryIsExplained() {
        assertThatThrownBy(() -> overrides("orders"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'orders'").hasMessageContaining("host:port/database");
        assertThatThrownBy(() -> overrides("localhost:port/orders")).isInstanceOf(IllegalArgumentException.class);
    }
}
