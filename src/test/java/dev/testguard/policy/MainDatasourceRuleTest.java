package dev.testguard.policy;

import static dev.testguard.policy.Urls.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.policy.Decision.Outcome;
import dev.testguard.probe.LiveFacts;
import dev.testguard.probe.ServerIdentity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MainDatasourceRuleTest {

    private final PolicySettings settings = Urls.settings(Path.of("/p"));

    private Decision judge(MainDatasource main, JdbcUrl url, LiveFacts live) {
        return new MainDatasourceRule(main, settings).evaluate(target(url, live));
    }

    private Decision judge(JdbcUrl main, JdbcUrl url) {
        return judge(new MainDatasource(main, null), url, LiveFacts.notChecked());
    }

    @Test
    void noMainDatasourcePasses() {
        assertThat(judge(null, Urls.pg("localhost", 5432, "orders_test"), LiveFacts.notChecked()).outcome())
                .isEqualTo(Outcome.PASS);
    }

    @Test
    void sameDatabaseByUrlFailsAcrossLoopbackSpellingsAndDefaultPorts() {
        JdbcUrl main = Urls.pgWithPassword("localhost", "orders_test", "secret");
        Decision decision = judge(main, Urls.pg("127.0.0.1", 5432, "orders_test"));
        assertThat(decision.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(decision.reason()).contains("main datasource").doesNotContain("secret");
        assertThat(decision.fix()).contains("orders_it_test");
        assertThat(judge(main, Urls.pg("[::1]", null, "orders_test")).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge(main, Urls.pgNoHost("orders_test")).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void differentDatabasePortOrVendorPasses() {
        JdbcUrl main = Urls.pg("localhost", 5432, "orders");
        assertThat(judge(main, Urls.pg("localhost", 5432, "orders_test")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(main, Urls.pg("localhost", 5433, "orders")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(main, Urls.mysql("localhost", 5432, "orders")).outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(main, Urls.pg("db.example.com", 5432, "orders")).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void mysqlAndMariadbUrlsToOneServerAreTheSameDatabase() {
        assertThat(judge(Urls.mysql("localhost", null, "shop"), Urls.mariadb("127.0.0.1", 3306, "shop")).outcome())
                .isEqualTo(Outcome.FAIL);
    }

    @Test
    void sameFileDatabaseFails() {
        assertThat(judge(Urls.h2File("./data/orders"), Urls.h2File("/p/data/orders")).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThat(judge(Urls.h2File("~/orders"), Urls.h2File("/home/alice/orders.mv.db")).outcome())
                .isEqualTo(Outcome.FAIL);
        assertThat(judge(Urls.h2File("./data/orders"), Urls.h2File("./data/orders_test")).outcome())
                .isEqualTo(Outcome.PASS);
    }

    @Test
    void serverIdentityMatchesAliases() {
        ServerIdentity identity = new ServerIdentity("7301234567890:5432", "orders");
        MainDatasource main = new MainDatasource(Urls.pg("localhost", 5432, "orders"),
                Urls.reachable(10L, identity));
        Decision decision = judge(main, Urls.pg("laptop.lan", 5432, "orders"),
                Urls.reachable(10L, new ServerIdentity("7301234567890:5432", "orders")));
        assertThat(decision.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(decision.reason()).contains("same server and database");
    }

    @Test
    void differentServerIdentityWinsOverMatchingUrls() {
        // localhost:5432 inside a container is another server than the application's localhost:5432
        MainDatasource main = new MainDatasource(Urls.pg("localhost", 5432, "orders"),
                Urls.reachable(10L, new ServerIdentity("111:5432", "orders")));
        assertThat(judge(main, Urls.pg("localhost", 5432, "orders"),
                Urls.reachable(10L, new ServerIdentity("222:5432", "orders"))).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void fallsBackToUrlsWhenOnlyOneIdentityIsKnown() {
        MainDatasource main = new MainDatasource(Urls.pg("localhost", 5432, "orders"), LiveFacts.notChecked());
        assertThat(judge(main, Urls.pg("127.0.0.1", 5432, "orders"),
                Urls.reachable(10L, new ServerIdentity("222:5432", "orders"))).outcome()).isEqualTo(Outcome.FAIL);
    }
}
