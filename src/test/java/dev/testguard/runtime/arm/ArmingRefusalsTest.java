package dev.testguard.runtime.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.surefire.BuildProperties;
import dev.testguard.discovery.surefire.ConfiguredValue;
import dev.testguard.discovery.surefire.TestPluginExecution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArmingRefusalsTest {

    private static final Map<String, String> NONE = Map.of();

    private static TestPluginExecution surefire(String argLine) {
        return run(TestPluginExecution.SUREFIRE, "default-test", argLine);
    }

    private static TestPluginExecution run(String plugin, String id, String argLine) {
        return new TestPluginExecution(plugin, id, "pom.xml", Map.of(),
                argLine == null ? null : new ConfiguredValue("argLine", argLine, 42), List.of(), List.of(), null,
                List.of(), List.of(), true, null);
    }

    private static List<ArmingRefusal> find(Map<String, String> user, String property, TestPluginExecution... runs) {
        return find(user, property, Map.of(), runs);
    }

    private static List<ArmingRefusal> find(Map<String, String> user, String property,
            Map<String, ConfiguredValue> forkCounts, TestPluginExecution... runs) {
        BuildProperties build = new BuildProperties(user, Map.of(), Map.of(), Map.of());
        return new ArmingRefusals(property, build).find(List.of(runs), forkCounts, r -> null);
    }

    @Test
    void noArgLineElementOrOneThatReferencesTheProperty() {
        assertThat(find(NONE, "argLine", surefire(null))).isEmpty();
        assertThat(find(NONE, "argLine", surefire("@{argLine} -Xmx1g"))).isEmpty();
        assertThat(find(NONE, "argLine", surefire("-Xmx1g ${argLine}"))).isEmpty();
    }

    @Test
    void literalArgLineIsRefusedWithWhereRuleAndFixButNoValue() {
        List<ArmingRefusal> refusals = find(NONE, "argLine",
                surefire("-Xmx256m -Dspring.datasource.url=jdbc:mysql://h/db?password=s3cr3tPw"));
        assertThat(refusals).singleElement().satisfies(r -> {
            assertThat(r.where()).isEqualTo("pom.xml:42 maven-surefire-plugin (default-test) <argLine>");
            assertThat(r.rule()).isEqualTo("literal-argline");
            assertThat(r.fix()).contains("<argLine>@{argLine} (your arguments)</argLine>", "-Dtestguard.runtime=false");
        });
        String message = ArmingRefusals.message(refusals);
        assertThat(message).startsWith("testguard stopped the build before any test ran").doesNotContain("s3cr3tPw");
    }

    @Test
    void theConfiguredPropertyNameIsTheOneToReference() {
        assertThat(find(NONE, "tgArgs", surefire("@{tgArgs}"))).isEmpty();
        assertThat(find(NONE, "tgArgs", surefire("@{argLine}"))).singleElement()
                .satisfies(r -> assertThat(r.fix()).contains("@{tgArgs}"));
        assertThat(find(NONE, "tgArgs", surefire(null))).singleElement()
                .satisfies(r -> assertThat(r.problem()).contains("no <argLine>"));
    }

    @Test
    void argLineOnTheCommandLineIsRefusedWithoutShowingIt() {
        List<ArmingRefusal> refusals = find(Map.of("argLine", "-Dpw=s3cr3tPw"), "argLine", surefire(null));
        assertThat(refusals).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("command-line-argline");
            assertThat(r.where()).isEqualTo("-DargLine=... (command line)");
        });
        assertThat(ArmingRefusals.message(refusals)).doesNotContain("s3cr3tPw");
    }

    @Test
    void forkCountZeroInConfigOrOnTheCommandLine() {
        TestPluginExecution failsafe = run(TestPluginExecution.FAILSAFE, "default", null);
        assertThat(find(NONE, "argLine", Map.of("maven-failsafe-plugin:default",
                new ConfiguredValue("forkCount", "0", 7)), failsafe)).singleElement().satisfies(r -> {
                    assertThat(r.where()).isEqualTo("pom.xml:7 maven-failsafe-plugin (default) <forkCount>");
                    assertThat(r.rule()).isEqualTo("in-process-tests");
                    assertThat(r.fix()).contains("remove <forkCount>0</forkCount>");
                });
        assertThat(find(Map.of("forkCount", "0"), "argLine", surefire(null))).singleElement()
                .satisfies(r -> assertThat(r.where()).startsWith("-DforkCount=0 (command line"));
        assertThat(find(Map.of("forkCount", "2"), "argLine", surefire(null))).isEmpty();
        // the element beats the user property, as Maven's parameter injection does
        assertThat(find(Map.of("forkCount", "0"), "argLine", Map.of("maven-surefire-plugin:default-test",
                new ConfiguredValue("forkCount", "1C", 9)), surefire(null))).isEmpty();
    }

    @Test
    void zeroForkCounts() {
        assertThat(ArmingRefusals.isZero("0")).isTrue();
        assertThat(ArmingRefusals.isZero("0C")).isTrue();
        assertThat(ArmingRefusals.isZero(" 0.0C ")).isTrue();
        assertThat(ArmingRefusals.isZero("1")).isFalse();
        assertThat(ArmingRefusals.isZero("0.5C")).isFalse();
        assertThat(ArmingRefusals.isZero("${x}")).isFalse();
    }

    @Test
    void skippedRunsAreNotRefused() {
        BuildProperties build = new BuildProperties(Map.of("forkCount", "0", "argLine", "-ea"), Map.of(), Map.of(),
                Map.of());
        assertThat(new ArmingRefusals("argLine", build).find(List.of(surefire("-Xmx1g")), Map.of(),
                r -> "skipTests=true")).isEmpty();
    }
}
