package dev.testguard.discovery.surefire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.TestRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRuntimeResolverTest {

    @TempDir
    Path basedir;

    private final List<String> warnings = new ArrayList<>();

    private TestRuntime resolve(BuildProperties build, TestPluginExecution execution) {
        return new TestRuntimeResolver(build, basedir, warnings::add).resolve(execution);
    }

    private static BuildProperties build(Map<String, String> user, Map<String, String> project, Map<String, String> env) {
        return new BuildProperties(user, project, Map.of(), env);
    }

    private static Execution surefire() {
        return new Execution(TestPluginExecution.SUREFIRE, "default-test");
    }

    @Test
    void surefirePrecedenceIsSystemPropertiesThenFileThenVariablesThenCommandLine() throws Exception {
        Files.writeString(basedir.resolve("props.properties"), "# comment\na=file\nb=file\nc=file\n");
        TestPluginExecution execution = surefire()
                .argLine("-Da=argline -Db=argline -Dc=argline -Dd=argline -Dz=argline")
                .systemProperties(new ConfiguredValue("a", "sysprops", 11), new ConfiguredValue("y", "sysprops", 12))
                .systemPropertiesFile("props.properties")
                .variables(new ConfiguredValue("b", "variables", 20), new ConfiguredValue("c", "variables", 21))
                .build();
        TestRuntime runtime = resolve(build(Map.of("c", "cli"), Map.of(), Map.of()), execution);

        assertThat(runtime.systemProperty("z")).isEqualTo("argline");
        assertThat(runtime.systemProperty("y")).isEqualTo("sysprops");
        assertThat(runtime.systemProperty("a")).isEqualTo("file");
        assertThat(runtime.systemProperty("b")).isEqualTo("variables");
        assertThat(runtime.systemProperty("c")).isEqualTo("cli");
        assertThat(runtime.systemProperties().get("a").provenance().location()).isEqualTo("props.properties:2");
        assertThat(runtime.systemProperties().get("b").provenance().location())
                .isEqualTo("pom.xml:20 maven-surefire-plugin (default-test) <systemPropertyVariables><b>");
        assertThat(runtime.systemProperties().get("c").provenance().kind()).isEqualTo(Provenance.Kind.COMMAND_LINE);
    }

    @Test
    void commandLinePropertiesAreNotPromotedWhenTheUserTurnsThatOff() {
        TestPluginExecution execution = surefire().promote(false).build();
        TestRuntime runtime = resolve(build(Map.of("db", "x"), Map.of(), Map.of()), execution);
        assertThat(runtime.systemProperties()).doesNotContainKey("db");
    }

    @Test
    void lateReplacementUsesProjectPropertiesAndQuotedArgumentsStayWhole() {
        TestPluginExecution execution = surefire()
                .argLine("@{argLine} -Dapp.url=\"jdbc:h2:mem:a b\" -Xmx1g").build();
        TestRuntime runtime = resolve(build(Map.of(), Map.of("argLine", "-Dfrom.jacoco=jdbc:postgresql://h/prod"), Map.of()),
                execution);
        assertThat(runtime.systemProperty("from.jacoco")).isEqualTo("jdbc:postgresql://h/prod");
        assertThat(runtime.systemProperty("app.url")).isEqualTo("jdbc:h2:mem:a b");
        assertThat(runtime.systemProperties().get("from.jacoco").provenance().location())
                .isEqualTo("pom.xml:7 maven-surefire-plugin (default-test) <argLine>");
    }

    @Test
    void unknownLatePropertiesStayLiteralAsSurefireLeavesThem() {
        TestPluginExecution execution = surefire().argLine("-Ddb=@{notSet}").build();
        assertThat(resolve(build(Map.of(), Map.of(), Map.of()), execution).systemProperty("db")).isEqualTo("@{notSet}");
    }

    @Test
    void withoutAnArgLineElementTheArgLinePropertyApplies() {
        TestRuntime runtime = resolve(build(Map.of(), Map.of("argLine", "-Ddb=jdbc:postgresql://h/ledger"), Map.of()),
                surefire().build());
        assertThat(runtime.systemProperty("db")).isEqualTo("jdbc:postgresql://h/ledger");
        assertThat(runtime.systemProperties().get("db").provenance().location()).startsWith("property argLine");
    }

    @Test
    void theCommandLineArgLineBeatsTheProjectProperty() {
        TestRuntime runtime = resolve(build(Map.of("argLine", "-Ddb=cli"), Map.of("argLine", "-Ddb=pom"), Map.of()),
                surefire().build());
        assertThat(runtime.systemProperty("db")).isEqualTo("cli");
    }

    @Test
    void dollarExpressionsEvaluateLikeMavenAndForkNumbersUseTheFirstFork() {
        TestPluginExecution execution = surefire()
                .variables(new ConfiguredValue("db", "jdbc:postgresql://${db.host}/app_test_${surefire.forkNumber}", 9))
                .build();
        TestRuntime runtime = resolve(build(Map.of(), Map.of("db.host", "localhost"), Map.of()), execution);
        assertThat(runtime.systemProperty("db")).isEqualTo("jdbc:postgresql://localhost/app_test_1");
    }

    @Test
    void forkNumbersInsideAPropertyValueUseTheFirstForkToo() {
        TestPluginExecution execution = surefire()
                .variables(new ConfiguredValue("db.url", "${testguard.jdbc.url}", 9))
                .build();
        TestRuntime runtime = resolve(build(Map.of(), Map.of("testguard.jdbc.url",
                "jdbc:postgresql://localhost/tg_1_test_${surefire.forkNumber}"), Map.of()), execution);
        assertThat(runtime.systemProperty("db.url")).isEqualTo("jdbc:postgresql://localhost/tg_1_test_1");
    }

    @Test
    void theForkInheritsTheBuildEnvironmentMinusExclusionsPlusConfiguredVariables() {
        TestPluginExecution execution = surefire()
                .env(new ConfiguredValue("DATABASE_URL", "postgres://h/fromPom", 30))
                .exclude("SECRET_URL")
                .build();
        TestRuntime runtime = resolve(build(Map.of(), Map.of(),
                Map.of("DATABASE_URL", "postgres://h/fromShell", "SECRET_URL", "x", "HOME", "/root")), execution);
        assertThat(runtime.env("DATABASE_URL")).isEqualTo("postgres://h/fromPom");
        assertThat(runtime.environment()).doesNotContainKey("SECRET_URL").containsKey("HOME");
        assertThat(runtime.environment().get("HOME").provenance().location()).isEqualTo("environment variable HOME");
    }

    @Test
    void aMissingSystemPropertiesFileIsAWarningLikeInSurefire() {
        resolve(build(Map.of(), Map.of(), Map.of()), surefire().systemPropertiesFile("nope.properties").build());
        assertThat(warnings).singleElement().asString().contains("nope.properties").contains("does not exist");
    }

    @Test
    void aSystemPropertiesFileThatIsADirectoryIsSaidToBeOne() throws Exception {
        Files.createDirectories(basedir.resolve("props.properties"));
        resolve(build(Map.of(), Map.of(), Map.of()), surefire().systemPropertiesFile("props.properties").build());
        assertThat(warnings).singleElement().asString().contains("props.properties").contains("is a directory")
                .doesNotContain("does not exist");
    }

    @Test
    void aSystemPropertiesFileThatIsAFifoIsNeverOpened() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", basedir.resolve("props.properties").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                resolve(build(Map.of(), Map.of(), Map.of()), surefire().systemPropertiesFile("props.properties").build()));
        assertThat(warnings).singleElement().asString().contains("props.properties").contains("a FIFO (named pipe)");
    }

    @Test
    void anUnreadableSystemPropertiesFileNamesTheFile() throws Exception {
        Files.writeString(basedir.resolve("bad.properties"), "a=\\u12");
        assertThatThrownBy(() -> resolve(build(Map.of(), Map.of(), Map.of()),
                surefire().systemPropertiesFile("bad.properties").build()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("bad.properties");
    }

    @Test
    void skipParametersAndTheirPropertiesStopTheRun() {
        TestRuntimeResolver resolver = new TestRuntimeResolver(build(Map.of("skipTests", ""), Map.of(), Map.of()),
                basedir, warnings::add);
        assertThat(resolver.skippedBy(surefire().build())).isEqualTo("skipTests=true");

        resolver = new TestRuntimeResolver(build(Map.of(), Map.of("skipITs", "true"), Map.of()), basedir, warnings::add);
        assertThat(resolver.skippedBy(surefire().build())).isNull();
        assertThat(resolver.skippedBy(new Execution(TestPluginExecution.FAILSAFE, "default").build()))
                .isEqualTo("skipITs=true");

        resolver = new TestRuntimeResolver(build(Map.of("skipTests", "true"), Map.of(), Map.of()), basedir, warnings::add);
        assertThat(resolver.skippedBy(surefire().skip("skipTests", "false").build())).isNull();
    }

    /** A small builder so each test shows only the configuration it is about. */
    private static final class Execution {
        private final String plugin;
        private final String id;
        private ConfiguredValue argLine;
        private List<ConfiguredValue> variables = List.of();
        private List<ConfiguredValue> systemProperties = List.of();
        private ConfiguredValue file;
        private List<ConfiguredValue> env = List.of();
        private List<String> excluded = List.of();
        private boolean promote = true;
        private final java.util.Map<String, String> skips = new java.util.HashMap<>();

        Execution(String plugin, String id) {
            this.plugin = plugin;
            this.id = id;
        }

        Execution argLine(String value) {
            argLine = new ConfiguredValue("argLine", value, 7);
            return this;
        }

        Execution variables(ConfiguredValue... values) {
            variables = List.of(values);
            return this;
        }

        Execution systemProperties(ConfiguredValue... values) {
            systemProperties = List.of(values);
            return this;
        }

        Execution systemPropertiesFile(String path) {
            file = new ConfiguredValue("systemPropertiesFile", path, 8);
            return this;
        }

        Execution env(ConfiguredValue... values) {
            env = List.of(values);
            return this;
        }

        Execution exclude(String... names) {
            excluded = List.of(names);
            return this;
        }

        Execution promote(boolean value) {
            promote = value;
            return this;
        }

        Execution skip(String name, String value) {
            skips.put(name, value);
            return this;
        }

        TestPluginExecution build() {
            return new TestPluginExecution(plugin, id, "pom.xml", skips, argLine, variables, systemProperties, file, env,
                    excluded, promote, null);
        }
    }
}
