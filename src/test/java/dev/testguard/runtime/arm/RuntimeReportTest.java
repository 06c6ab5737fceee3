package dev.testguard.runtime.arm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeReportTest {

    @TempDir
    Path dir;

    private static RuntimeVerdict verdict() {
        return new RuntimeVerdict(List.of(
                new TouchedDatabase("jdbc:postgresql://127.0.0.1/orders_test", "orders_test", "TEST", null, "test name",
                        false, Set.of("app.RepoTest"), 3),
                new TouchedDatabase("jdbc:mariadb://localhost:3306/shop_dev?password=****", "shop_dev", "PROTECTED",
                        "name", "forbidden token 'dev'", true, Set.of("app.ShopTest"), 1)),
                List.of(), List.of(), 1, 2);
    }

    @Test
    void identityTreatsLoopbackAliasesAndDefaultPortsAsOne() {
        assertThat(RuntimeReport.identity("jdbc:postgresql://127.0.0.1/orders_test"))
                .isEqualTo(RuntimeReport.identity("jdbc:postgresql://localhost:5432/orders_test"));
        assertThat(RuntimeReport.identity("jdbc:postgresql://localhost/a_test"))
                .isNotEqualTo(RuntimeReport.identity("jdbc:postgresql://localhost/b_test"));
        assertThat(RuntimeReport.identity("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void addsTheRuntimeSectionToTheStaticReportAndMarksWhatWasPredicted() throws Exception {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "{\"project\":\"g:a\",\"urls\":[{\"url\":\"jdbc:postgresql://localhost:5432/orders_test\","
                + "\"classification\":\"TEST\"}]}");

        RuntimeReport.write(report, verdict(), "tok");

        JsonNode root = new ObjectMapper().readTree(report.toFile());
        assertThat(root.path("project").asText()).isEqualTo("g:a");
        JsonNode runtime = root.path("runtime");
        assertThat(runtime.path("token").asText()).isEqualTo("tok");
        assertThat(runtime.path("failed").asBoolean()).isTrue();
        assertThat(runtime.path("databases")).hasSize(2);
        assertThat(runtime.path("databases").get(0).path("predicted").asBoolean()).isTrue();
        assertThat(runtime.path("databases").get(1).path("predicted").asBoolean()).isFalse();
        assertThat(runtime.path("databases").get(1).path("testClasses").get(0).asText()).isEqualTo("app.ShopTest");
        assertThat(Files.list(dir)).containsExactly(report);
    }

    @Test
    void writesARuntimeOnlyReportWhenVerifyWroteNone() throws Exception {
        Path report = dir.resolve("sub/report.json");
        RuntimeReport.write(report, verdict(), "tok");
        assertThat(new ObjectMapper().readTree(report.toFile()).path("runtime").path("databases")).hasSize(2);
    }

    @Test
    void consoleNamesEachDatabaseAndWhatStaticDiscoveryMissed() {
        List<String> lines = RuntimeReport.render(verdict(), Set.of("jdbc:postgresql://localhost/orders_test"));
        assertThat(lines.get(0)).contains("1 test JVM(s) armed", "2 test report(s) checked", "2 database(s) touched");
        assertThat(lines.get(1)).contains("TEST orders_test (3 connection(s) as jdbc:postgresql://127.0.0.1/orders_test;"
                + " app.RepoTest)").doesNotContain("not predicted");
        assertThat(lines.get(2)).startsWith("  REFUSED PROTECTED shop_dev").endsWith("[not predicted by static discovery]");
        assertThat(lines.get(3)).isEqualTo("  not predicted by static discovery: shop_dev");
    }

    @Test
    void oneEntryPerPhysicalDatabaseWithEverySpellingAndTheDatabasesDiscoveryMissed() throws Exception {
        RuntimeVerdict verdict = new RuntimeVerdict(List.of(new TouchedDatabase("jdbc:mariadb://127.0.0.1/shop_test",
                "mysql://127.0.0.1:3306/shop_test", "TEST", null, "test name", false, Set.of("app.A"), 5,
                Set.of("jdbc:mysql://localhost:3306/shop_test?useSSL=false")),
                new TouchedDatabase("jdbc:postgresql://localhost/audit_test", "postgresql://localhost:5432/audit_test",
                        "TEST", null, "test name", false, Set.of(), 2)), List.of(), List.of(), 1, 1);
        Path report = dir.resolve("report.json");
        Files.writeString(report, "{\"urls\":[{\"url\":\"jdbc:mysql://localhost/shop_test\"}]}");

        RuntimeReport.write(report, verdict, "tok");

        JsonNode runtime = new ObjectMapper().readTree(report.toFile()).path("runtime");
        assertThat(runtime.path("databases")).hasSize(2);
        JsonNode shop = runtime.path("databases").get(0);
        assertThat(shop.path("database").asText()).isEqualTo("mysql://127.0.0.1:3306/shop_test");
        assertThat(shop.path("urls")).extracting(JsonNode::asText).containsExactly(
                "jdbc:mariadb://127.0.0.1/shop_test", "jdbc:mysql://localhost:3306/shop_test?useSSL=false");
        assertThat(shop.path("predicted").asBoolean()).isTrue();
        assertThat(runtime.path("unpredicted")).extracting(JsonNode::asText)
                .containsExactly("postgresql://localhost:5432/audit_test");
    }
}
