package dev.testguard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import dev.testguard.runtime.arm.RuntimeVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The after-test listener without a Maven run: a real session, project and events, hand-written records. */
class RuntimeGuardListenerTest {

    private static final String TOKEN = "feedfacecafebeef";
    private static final String PROD = "jdbc:postgresql://localhost:5432/shop_prod";

    @TempDir
    Path basedir;
    Path target;
    MavenProject project;
    MavenSession session;
    final List<String> seen = new ArrayList<>();

    @BeforeEach
    @SuppressWarnings("deprecation")
    void setUp() throws Exception {
        target = Files.createDirectories(basedir.resolve("target"));
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId("a");
        model.setVersion("1");
        model.setBuild(new Build());
        model.getBuild().setDirectory(target.toString());
        project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setExecutionListener(new AbstractExecutionListener() {
            @Override
            public void mojoSucceeded(ExecutionEvent event) {
                seen.add("succeeded " + event.getMojoExecution().getGoal());
            }

            @Override
            public void mojoFailed(ExecutionEvent event) {
                seen.add("failed " + event.getMojoExecution().getGoal());
            }
        });
        session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        RuntimeGuardCheck.remember(project, TOKEN, Instant.now().minusSeconds(60), target.resolve("testguard/runtime"),
                target.resolve("testguard/report.json"));
        RuntimeGuardListener.registerOnce(session, new SystemStreamLog());
    }

    private ExecutionEvent event(ExecutionEvent.Type type, String plugin, String goal, Exception failure) {
        Plugin p = new Plugin();
        p.setGroupId("org.apache.maven.plugins");
        p.setArtifactId(plugin);
        MojoExecution mojo = new MojoExecution(p, goal, "default-" + goal);
        return new ExecutionEvent() {
            public Type getType() {
                return type;
            }

            public MavenSession getSession() {
                return session;
            }

            public MavenProject getProject() {
                return project;
            }

            public MojoExecution getMojoExecution() {
                return mojo;
            }

            public Exception getException() {
                return failure;
            }
        };
    }

    private void succeeded(String plugin, String goal) {
        session.getRequest().getExecutionListener()
                .mojoSucceeded(event(ExecutionEvent.Type.MojoSucceeded, plugin, goal, null));
    }

    private void refusal() throws Exception {
        RuntimeRecords.append(RuntimeRecords.fileFor(target.resolve("testguard/runtime"), TOKEN, 7),
                RuntimeRecord.connection(TOKEN, 7, PROD, "shop_prod", "PROTECTED", "name", "forbidden token 'prod'",
                        true, "app.ShopTest", 1));
    }

    private void report(String directory, String testClass, String marker) throws Exception {
        Path dir = Files.createDirectories(target.resolve(directory));
        Files.writeString(dir.resolve("TEST-" + testClass + ".xml"), "<testsuite name=\"" + testClass + "\"><properties>"
                + (marker == null ? "" : "<property name=\"testguard.agent\" value=\"" + marker + "\"/>")
                + "</properties></testsuite>");
    }

    @Test
    void registersOnceAndPassesEveryEventOn() throws Exception {
        RuntimeGuardListener.registerOnce(session, new SystemStreamLog());
        assertThat(session.getRequest().getExecutionListener()).isInstanceOf(RuntimeGuardListener.class);
        assertThat(((RuntimeGuardListener) session.getRequest().getExecutionListener()).delegate())
                .isNotInstanceOf(RuntimeGuardListener.class);
        succeeded("maven-compiler-plugin", "compile");
        assertThat(seen).containsExactly("succeeded compile");
    }

    @Test
    void aCleanGuardedRunPassesAndWritesTheRuntimeSection() throws Exception {
        report("surefire-reports", "app.RepoTest", "armed:" + TOKEN);
        succeeded("maven-surefire-plugin", "test");
        assertThat(seen).containsExactly("succeeded test");
        assertThat(Files.readString(target.resolve("testguard/report.json"))).contains("\"runtime\"", TOKEN);
    }

    @Test
    void aRefusedConnectionFailsTheBuildAfterSurefireEvenWhenTheTestSwallowedIt() throws Exception {
        refusal();
        report("surefire-reports", "app.ShopTest", "armed:" + TOKEN);
        assertThatThrownBy(() -> succeeded("maven-surefire-plugin", "test")).isInstanceOf(RuntimeGuardFailure.class)
                .hasMessageStartingWith(RuntimeVerdict.REFUSED_HEADLINE).hasMessageContaining(PROD)
                .hasMessageContaining("app.ShopTest");
        assertThat(seen).containsExactly("succeeded test");
    }

    @Test
    void anUnguardedTestJvmFailsTheBuild() throws Exception {
        report("surefire-reports", "app.PlainTest", null);
        assertThatThrownBy(() -> succeeded("maven-surefire-plugin", "test"))
                .hasMessageStartingWith(RuntimeVerdict.UNGUARDED_HEADLINE).hasMessageContaining("app.PlainTest");
    }

    @Test
    void whenSurefireFailedTooTheGuardsMessageWinsAndKeepsTheCause() throws Exception {
        refusal();
        MojoFailureException testsFailed = new MojoFailureException("There are test failures.\nmore");
        assertThatThrownBy(() -> session.getRequest().getExecutionListener()
                .mojoFailed(event(ExecutionEvent.Type.MojoFailed, "maven-surefire-plugin", "test", testsFailed)))
                .hasMessageStartingWith(RuntimeVerdict.REFUSED_HEADLINE)
                .hasMessageEndingWith("\nmaven-surefire-plugin failed too")
                .hasCause(testsFailed);
    }

    @Test
    void aProjectTheGuardDidNotArmIsLeftAlone() throws Exception {
        refusal();
        project.setContextValue(RuntimeGuardCheck.TOKEN, null);
        succeeded("maven-surefire-plugin", "test");
        assertThat(target.resolve("testguard/report.json")).doesNotExist();
    }

    @Test
    void aFailsafeFailureWaitsForFailsafeVerifyWhenTheBuildRunsIt() throws Exception {
        Plugin failsafe = new Plugin();
        failsafe.setArtifactId("maven-failsafe-plugin");
        PluginExecution execution = new PluginExecution();
        execution.setGoals(List.of("integration-test", "verify"));
        failsafe.addExecution(execution);
        project.getBuild().addPlugin(failsafe);
        session.getRequest().setGoals(List.of("verify"));
        refusal();

        succeeded("maven-failsafe-plugin", "integration-test");
        succeeded("testguard-maven-plugin", "release");
        assertThatThrownBy(() -> succeeded("maven-failsafe-plugin", "verify"))
                .hasMessageStartingWith(RuntimeVerdict.REFUSED_HEADLINE);
    }

    @Test
    void aFailsafeFailureIsImmediateWhenNoFailsafeVerifyWillRun() throws Exception {
        session.getRequest().setGoals(List.of("integration-test"));
        refusal();
        report("failsafe-reports", "app.ShopIT", "armed:" + TOKEN);
        assertThatThrownBy(() -> succeeded("maven-failsafe-plugin", "integration-test"))
                .hasMessageStartingWith(RuntimeVerdict.REFUSED_HEADLINE);
    }
}
