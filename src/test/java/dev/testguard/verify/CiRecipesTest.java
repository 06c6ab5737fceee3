package dev.testguard.verify;

import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.ProjectTree;
import dev.testguard.discovery.RuntimeUrlSource;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.surefire.BuildProperties;
import dev.testguard.discovery.surefire.TestPluginExecution;
import dev.testguard.policy.Classification;
import dev.testguard.policy.PolicySettings;
import dev.testguard.policy.TestClassifiers;
import dev.testguard.probe.LiveProbe;
import dev.testguard.report.Report;
import dev.testguard.report.ReportEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI recipes of docs (examples/ci): their structure, and that the URLs they hand the tests pass testguard's
 * verify exactly as written (with the CI=true they set), while the same URLs without CI=true would not.
 */
@SuppressWarnings("unchecked")
class CiRecipesTest {

    private static final Path CI = Path.of("examples/ci");
    private static final String COMMAND = "mvn -B verify -Dtestguard.runtime=true";

    @TempDir
    Path dir;

    @Test
    void githubActionsRunsTheBuildAgainstTestNamedServiceContainers() throws Exception {
        Map<String, Object> job = map(map(load("github-actions.yml").get("jobs")).get("test"));
        Map<String, Object> services = map(job.get("services"));
        Map<String, Object> postgres = map(services.get("postgres"));
        Map<String, Object> mariadb = map(services.get("mariadb"));
        assertThat((String) postgres.get("image")).startsWith("postgres:");
        assertThat((String) mariadb.get("image")).startsWith("mariadb:");
        assertThat(map(postgres.get("env"))).containsEntry("POSTGRES_DB", "orders_test");
        assertThat(map(mariadb.get("env"))).containsEntry("MARIADB_DATABASE", "billing_test");
        assertThat((List<Object>) postgres.get("ports")).containsExactly("5432:5432");
        assertThat((List<Object>) mariadb.get("ports")).containsExactly("3306:3306");
        Map<String, String> env = strings(map(job.get("env")));
        assertThat(env).containsEntry("CI", "true")
                .containsEntry("DATABASE_URL", "postgres://app:app@localhost:5432/orders_test");
        List<Map<String, Object>> steps = list(job.get("steps"));
        assertThat(steps).anySatisfy(step -> assertThat(step.get("run")).isEqualTo(COMMAND));
        assertAllTest(verify(env));

        // ci.md: a service database named "orders" instead of "orders_test" is refused
        Map<String, String> misnamed = new LinkedHashMap<>(env);
        misnamed.put("DATABASE_URL", env.get("DATABASE_URL").replace("orders_test", "orders"));
        assertThat(verify(misnamed).entries()).filteredOn(e -> e.key().equals("DATABASE_URL"))
                .extracting(ReportEntry::classification).containsExactly(Classification.PROTECTED);
    }

    @Test
    void gitlabCiRunsTheBuildAgainstTestNamedServicesReachedByServiceName() throws Exception {
        Map<String, Object> pipeline = load("gitlab-ci.yml");
        Map<String, String> variables = strings(map(pipeline.get("variables")));
        Map<String, Object> job = map(pipeline.get("test"));
        assertThat(list(job.get("services"))).extracting(s -> s.get("name") + " as " + s.get("alias"))
                .containsExactly("postgres:15 as postgres", "mariadb:10.11 as mariadb");
        assertThat(variables).containsEntry("CI", "true").containsEntry("POSTGRES_DB", "orders_test")
                .containsEntry("MARIADB_DATABASE", "billing_test")
                .containsEntry("DATABASE_URL", "postgres://app:app@postgres:5432/orders_test");
        assertThat((List<Object>) job.get("script")).containsExactly(COMMAND);
        assertThat(map(map(job.get("artifacts")).get("reports"))).containsEntry("junit", "**/target/testguard/TEST-testguard*.xml");
        assertAllTest(verify(variables));

        Map<String, String> withoutCi = new LinkedHashMap<>(variables);
        withoutCi.remove("CI");
        assertThat(verifyWith(withoutCi, false).entries()).extracting(ReportEntry::classification)
                .containsOnly(Classification.PROTECTED);
    }

    private static void assertAllTest(Report report) {
        assertThat(report.entries()).extracting(ReportEntry::key).containsExactlyInAnyOrder("DATABASE_URL", "BILLING_DB_URL");
        assertThat(report.entries()).extracting(ReportEntry::classification).containsOnly(Classification.TEST);
        assertThat(report.entries()).extracting(ReportEntry::url).noneMatch(u -> u.contains("app:app") || u.contains("password=app"));
    }

    private Report verify(Map<String, String> env) {
        return verifyWith(env, "true".equals(env.get("CI")));
    }

    private Report verifyWith(Map<String, String> env, boolean ci) {
        ProjectLayout layout = new ProjectTree(dir).layout();
        List<UrlSource> sources = List.of(new RuntimeUrlSource());
        PolicySettings settings = PolicySettings.defaults(dir, dir.resolve("target"), ci);
        TestPluginExecution surefire = new TestPluginExecution(TestPluginExecution.SUREFIRE, "default-test", "pom.xml",
                Map.of(), null, List.of(), List.of(), null, List.of(), List.of(), true, null);
        return new Verifier(sources, TestClassifiers.standard(settings, LiveProbe.OFFLINE, null), true)
                .verify(new VerifyRequest("g:a", "process-test-resources", layout,
                        new BuildProperties(Map.of(), Map.of(), Map.of(), env), List.of(surefire), List.of()));
    }

    private static Map<String, Object> load(String name) throws Exception {
        try (Reader in = Files.newBufferedReader(CI.resolve(name))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Map<String, Object>>) o;
    }

    private static Map<String, String> strings(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
