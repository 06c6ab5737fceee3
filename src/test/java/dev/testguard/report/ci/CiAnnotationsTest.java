package dev.testguard.report.ci;

import static dev.testguard.report.ci.CiFixtures.FROM_ENV;
import static dev.testguard.report.ci.CiFixtures.PROTECTED;
import static dev.testguard.report.ci.CiFixtures.SAFE;
import static dev.testguard.report.ci.CiFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CiAnnotationsTest {

    private static final Path WORKSPACE = Path.of("/home/runner/work/shop");
    private static final Path MODULE = WORKSPACE.resolve("services/orders");

    @Test
    void github_gets_one_error_command_per_protected_url_on_the_file_and_line_relative_to_the_workspace() {
        List<String> lines = CiAnnotations.render(CiSystem.GITHUB_ACTIONS, report(PROTECTED, SAFE), MODULE, WORKSPACE);

        assertThat(lines).containsExactly("::error file=services/orders/pom.xml,line=30,title=testguard%3A not a test database"
                + "::testguard: jdbc:postgresql://localhost:5432/orders_dev?password=**** is PROTECTED (rule name):"
                + " The database name 'orders_dev' holds the forbidden token 'dev'. Fix: Point the tests at a database made"
                + " for them, for example 'orders_test'. [source: pom.xml:30 maven-surefire-plugin (default-test)"
                + " <systemPropertyVariables><orders.db.url>]");
    }

    @Test
    void a_source_that_is_no_file_gets_an_annotation_without_file_and_github_escaping() {
        List<String> lines = CiAnnotations.render(CiSystem.GITHUB_ACTIONS, report(FROM_ENV), MODULE, WORKSPACE);

        assertThat(lines).singleElement().asString()
                .startsWith("::error title=testguard%3A not a test database::")
                .contains("50%25 sure, a, b: c")
                .doesNotContain("file=");
    }

    @Test
    void gitlab_and_jenkins_get_compiler_style_lines() {
        assertThat(CiAnnotations.render(CiSystem.GITLAB_CI, report(PROTECTED, FROM_ENV, SAFE), MODULE, WORKSPACE))
                .hasSize(2)
                .first().asString().startsWith("services/orders/pom.xml:30: error: testguard: jdbc:postgresql://");
        assertThat(CiAnnotations.render(CiSystem.JENKINS, report(FROM_ENV), MODULE, null))
                .containsExactly("testguard: error: " + CiAnnotations.message(FROM_ENV));
    }

    @Test
    void other_ci_systems_and_safe_reports_get_no_annotation() {
        assertThat(CiAnnotations.render(CiSystem.OTHER, report(PROTECTED), MODULE, WORKSPACE)).isEmpty();
        assertThat(CiAnnotations.render(CiSystem.GITHUB_ACTIONS, report(SAFE), MODULE, WORKSPACE)).isEmpty();
    }

    @Test
    void without_a_workspace_paths_stay_relative_to_the_module() {
        SourceLocation at = SourceLocation.of("src/test/resources/application.properties:2", MODULE, null);
        assertThat(at).isEqualTo(new SourceLocation("src/test/resources/application.properties", 2));
        assertThat(SourceLocation.of("environment variable DATABASE_URL", MODULE, WORKSPACE).hasFile()).isFalse();
        assertThat(SourceLocation.of("command line -Dtestguard.url", MODULE, WORKSPACE).hasFile()).isFalse();
    }
}
