package dev.testguard.policy;

import static dev.testguard.policy.Urls.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import dev.testguard.policy.Decision.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostRuleTest {

    private final PolicySettings local = Urls.settings(Path.of("/p"));
    private final HostRule rule = new HostRule(local);

    private Decision judge(HostRule hostRule, String host) {
        return hostRule.evaluate(target(Urls.pg(host, 5432, "orders_test")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST", "localhost.", "localhost.localdomain", "127.0.0.1", "127.0.0.2",
        "127.255.255.254", "::1", "[::1]", "0:0:0:0:0:0:0:1", "0000:0000:0000:0000:0000:0000:0000:0001",
        "::ffff:127.0.0.1", "[0:0::1]"})
    void loopbackPasses(String host) {
        assertThat(judge(rule, host).outcome()).isEqualTo(Outcome.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"db.example.com", "10.0.0.5", "192.168.1.10", "128.0.0.1", "::2", "fe80::1",
        "localhost.example.com", "mylocalhost", "127.0.0.256", "0.0.0.0", "postgres", "db"})
    void remoteHostsFail(String host) {
        Decision decision = judge(rule, host);
        assertThat(decision.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(decision.reason()).contains(host).contains("not local");
        assertThat(decision.fix()).contains("<allowedHosts>");
    }

    @Test
    void singleLabelHostsAreLocalOnlyInCi() {
        Decision outsideCi = judge(rule, "postgres");
        assertThat(outsideCi.reason()).contains("only when the build runs in CI");
        HostRule ci = new HostRule(PolicySettings.defaults(Path.of("/p"), Path.of("/p/target"), true));
        assertThat(judge(ci, "postgres").outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(ci, "mysql").outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(ci, "db").outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(ci, "db.example.com").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge(ci, "10.0.0.5").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void allowedHostsMatchExactlyIgnoringCase() {
        HostRule allowing = new HostRule(local.withAllowedHosts(List.of("DB.Test.Example.com", "10.0.0.5")));
        assertThat(judge(allowing, "db.test.example.com").outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(allowing, "10.0.0.5").outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(allowing, "other.test.example.com").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge(allowing, "test.example.com").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void allowedHostsSupportALeadingWildcard() {
        HostRule allowing = new HostRule(local.withAllowedHosts(List.of("*.test.example.com")));
        assertThat(judge(allowing, "db.test.example.com").outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(allowing, "a.b.test.example.com").outcome()).isEqualTo(Outcome.PASS);
        assertThat(judge(allowing, "test.example.com").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge(allowing, "eviltest.example.com").outcome()).isEqualTo(Outcome.FAIL);
        assertThat(judge(allowing, "db.test.example.com.evil.org").outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void everyHostOfAFailoverUrlMustBeLocal() {
        Decision decision = rule.evaluate(target(Urls.pgHosts("orders_test", new HostPort("localhost", 5432),
                new HostPort("replica.example.com", 5432))));
        assertThat(decision.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(decision.reason()).contains("replica.example.com").doesNotContain("localhost");
        assertThat(rule.evaluate(target(Urls.pgHosts("orders_test", new HostPort("localhost", 5432),
                new HostPort("127.0.0.1", 5433)))).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void socketsFilesAndDriverDefaultHostAreLocal() {
        assertThat(rule.evaluate(target(Urls.pgSocket("orders_test"))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.pgNoHost("orders_test"))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.h2File("/data/orders_test"))).outcome()).isEqualTo(Outcome.PASS);
        assertThat(rule.evaluate(target(Urls.sqlite("orders_test.db"))).outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void unknownUrlWithoutHostFails() {
        JdbcUrl unknown = new JdbcUrl("jdbc:foo:bar", Vendor.UNKNOWN, Storage.UNKNOWN, List.of(), false, null, null,
                Map.of(), null, null);
        assertThat(rule.evaluate(target(unknown)).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void nonLiteralHostNamesWithColonsAreNeverLookedUp() {
        // not a valid IPv6 literal: judged not local, without a DNS lookup or an exception
        assertThat(Hosts.isLoopback("zz:1")).isFalse();
        assertThat(Hosts.isLoopback("1:2:3")).isFalse();
    }
}
