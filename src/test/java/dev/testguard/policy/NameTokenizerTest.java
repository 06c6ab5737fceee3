package dev.testguard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameTokenizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "ordersTest|orders,test",
        "app_test2|app,test,2",
        "HTTPServerTest|http,server,test",
        "device_test|device,test",
        "orders-test|orders,test",
        "test|test",
        "TEST_DB|test,db",
        "orders.test|orders,test",
        "orders__test__|orders,test",
        "v2Orders|v,2,orders",
        "testDB|test,db",
        "ordersDBTest|orders,db,test",
        "contest|contest",
        "latest|latest",
        "testimony|testimony",
        "devtools|devtools",
        "orders_prod|orders,prod",
        "my app (prod)|my,app,prod",
        "123|123",
        "äppTest|äpp,test",
        "db\uD83D\uDE00test|db,test",
        "\uD835\uDC00\uD835\uDC01Test|\uD835\uDC00\uD835\uDC01,test",
    })
    void splits(String name, String expected) {
        assertThat(NameTokenizer.tokens(name)).containsExactly(expected.split(","));
    }

    @ParameterizedTest
    @CsvSource({"contest", "latest", "testimony", "attestation", "tested", "protest"})
    void substringsHoldNoTestToken(String name) {
        assertThat(NameTokenizer.tokens(name)).doesNotContain("test", "tests", "testing");
    }

    @ParameterizedTest
    @CsvSource({"devtools", "device", "product", "liveness", "mainframe", "stagecoach"})
    void substringsHoldNoForbiddenToken(String name) {
        assertThat(NameTokenizer.tokens(name)).doesNotContain("dev", "prod", "live", "main", "stage");
    }

    @org.junit.jupiter.api.Test
    void emptyAndNullGiveNoTokens() {
        assertThat(NameTokenizer.tokens(null)).isEmpty();
        assertThat(NameTokenizer.tokens("")).isEmpty();
        assertThat(NameTokenizer.tokens("__--..")).isEmpty();
    }
}
