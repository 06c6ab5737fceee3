package dev.testguard.report.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CiSystemTest {

    @Test
    void recognises_each_system_by_its_variables() {
        assertThat(CiSystem.detect(Map.of("GITHUB_ACTIONS", "true", "CI", "true"))).isEqualTo(CiSystem.GITHUB_ACTIONS);
        assertThat(CiSystem.detect(Map.of("GITLAB_CI", "true", "CI", "true"))).isEqualTo(CiSystem.GITLAB_CI);
        assertThat(CiSystem.detect(Map.of("JENKINS_URL", "https://ci.example.com/"))).isEqualTo(CiSystem.JENKINS);
        assertThat(CiSystem.detect(Map.of("BUILD_ID", "12", "BUILD_URL", "https://ci/job/1/"))).isEqualTo(CiSystem.JENKINS);
        assertThat(CiSystem.detect(Map.of("CI", "true"))).isEqualTo(CiSystem.OTHER);
    }

    @Test
    void a_developer_machine_is_no_ci() {
        assertThat(CiSystem.detect(Map.of())).isEqualTo(CiSystem.NONE);
        assertThat(CiSystem.detect(Map.of("CI", "false", "GITHUB_ACTIONS", "false", "BUILD_ID", "7"))).isEqualTo(CiSystem.NONE);
        assertThat(CiSystem.NONE.isCi()).isFalse();
    }

    @Test
    void names_the_workspace_each_system_checks_out_into() {
        assertThat(CiSystem.GITHUB_ACTIONS.workspace(Map.of("GITHUB_WORKSPACE", "/home/runner/work/app"))).isEqualTo("/home/runner/work/app");
        assertThat(CiSystem.GITLAB_CI.workspace(Map.of("CI_PROJECT_DIR", "/builds/g/app"))).isEqualTo("/builds/g/app");
        assertThat(CiSystem.JENKINS.workspace(Map.of("WORKSPACE", "/var/jenkins/ws"))).isEqualTo("/var/jenkins/ws");
        assertThat(CiSystem.OTHER.workspace(Map.of("WORKSPACE", "/x"))).isNull();
    }
}
