package dev.testguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseMojoTest {

    @TempDir
    Path dir;

    /** mvn testguard:release -Dtestguard.dropSpares -Dtestguard.provisionUrl=...: both steps find the server on the command line. */
    @Test
    void dropSparesFindsTheProvisionUrlGivenOnTheCommandLine() throws Exception {
        ReleaseMojo mojo = new ReleaseMojo();
        mojo.project = new MavenProject(new Model());
        Properties commandLine = new Properties();
        commandLine.setProperty("testguard.provisionUrl", "jdbc:h2:mem:release_test");
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(commandLine);
        mojo.session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        set(mojo, "registryFile", dir.resolve("provisioned.json").toFile());
        set(mojo, "prefix", "tg_");
        set(mojo, "dropSpares", true);
        set(mojo, "baselineDatabase", "app_test");
        List<String> info = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                info.add(content.toString());
            }
        });

        mojo.execute();

        assertThat(info).contains("testguard:release: no provisioned database to drop")
                .anyMatch(l -> l.startsWith("testguard:release: no spare copies on jdbc:h2:mem:release_test"));
    }

    private static void set(ReleaseMojo mojo, String name, Object value) throws Exception {
        Field field = ReleaseMojo.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(mojo, value);
    }
}
