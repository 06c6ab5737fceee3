package dev.testguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.PgTestDb;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.reset.BaselineKey;
import dev.testguard.reset.BaselineMode;
import dev.testguard.reset.Baselines;
import dev.testguard.reset.ResetOptions;
import dev.testguard.reset.Resetter;
import dev.testguard.work.BackgroundWork;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.Permission;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work a reset leaves to the background belongs to the build (issue 10): the build's log reports it, a later reset
 * of the build awaits it, the session's end awaits what is left, and nothing registers a JVM shutdown hook or writes to
 * System.err. Against the real local PostgreSQL, whose resets leave such work (the next spare copy).
 */
class BuildOwnedResetWorkTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();
    private final RecordingLog log = new RecordingLog();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream realErr;
    private MavenProject project;
    private MavenSession session;

    @BeforeEach
    void build() {
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId("a");
        model.setVersion("1");
        project = new MavenProject(model);
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setExecutionListener(new AbstractExecutionListener());
        session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        session.setProjects(List.of(project));
        realErr = System.err;
        System.setErr(new PrintStream(err, true));
    }

    @AfterEach
    void cleanUp() throws SQLException {
        System.setErr(realErr);
        BuildWork.awaitAll(project);
        dbs.close();
    }

    @Test
    @SuppressWarnings("removal") // a SecurityManager is the one way to see every shutdown hook registration (Java 17)
    void twoResetsInOneBuildHandTheirWorkToTheBuildWhichAwaitsAndLogsIt() throws Exception {
        DatabaseTarget db = dbs.create("resetwork");
        String name = db.databaseName();
        dbs.willCreate(Baselines.postgresTemplate(name));
        dbs.willCreate(name + "__tgspare");
        dbs.willCreate(name + "__tgtrash");
        PgTestDb.exec(db, "CREATE TABLE items (id int PRIMARY KEY)", "INSERT INTO items VALUES (1)");
        Resetter resetter = new Resetter(dir, "g:a", Clock.systemUTC()).withBackgroundWork(BuildWork.of(project, session, log));
        ResetOptions save = new ResetOptions(BaselineMode.SAVE, List.of(), BaselineKey.of(dir, List.of()));
        ResetOptions use = new ResetOptions(BaselineMode.USE, List.of(), BaselineKey.of(dir, List.of()));
        List<String> hooks = Collections.synchronizedList(new ArrayList<>());
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission perm) {
                if (perm instanceof RuntimePermission && perm.getName().equals("shutdownHooks")) {
                    hooks.add(Thread.currentThread().getName());
                }
            }

            @Override
            public void checkPermission(Permission perm, Object context) {
                checkPermission(perm);
            }
        });
        err.reset(); // the JDK's warning that setSecurityManager is deprecated
        try {
            resetter.reset(db, save);
            assertThat(session.getRequest().getExecutionListener()).as("the session's end awaits the work")
                    .isInstanceOf(BuildWorkListener.class);
            String restored = resetter.reset(db, use).action();

            assertThat(restored).startsWith("restored the baseline");
            assertThat(log.lines).as("the second reset awaited the first one's work and logged it through Maven")
                    .contains("info testguard: prepared the first baseline copy of " + db);
            assertThat(exists(name + "__tgtrash")).as("the spare was swapped in: the replaced database waits to be dropped")
                    .isTrue();

            session.getRequest().getExecutionListener().sessionEnded(event());
        } finally {
            System.setSecurityManager(null);
        }
        assertThat(log.lines).as("the session's end awaited the second reset's work")
                .contains("info testguard: prepared the next baseline copy of " + db);
        assertThat(exists(name + "__tgtrash")).isFalse();
        assertThat(exists(name + "__tgspare")).isTrue();
        assertThat(hooks).as("JVM shutdown hooks registered (by threads)").isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFailedPieceOfWorkIsAWarningInTheBuildsLogNotOnSystemErr() {
        BackgroundWork work = BuildWork.of(project, session, log);
        work.start("prepare the next baseline copy of jdbc:postgresql://localhost/app_test", () -> {
            throw new SQLException("database \"app_test__tgbase\" does not exist");
        });
        work.awaitAll();

        assertThat(log.lines).filteredOn(line -> !line.startsWith("info testguard: waiting to")) // if it was still running
                .containsExactly("warn testguard: could not prepare the next baseline copy of"
                + " jdbc:postgresql://localhost/app_test (the next reset or provision copies the baseline instead):"
                + " java.sql.SQLException: database \"app_test__tgbase\" does not exist");
        assertThat(err.toString()).isEmpty();
    }

    private ExecutionEvent event() {
        return new ExecutionEvent() {
            @Override
            public Type getType() {
                return Type.SessionEnded;
            }

            @Override
            public MavenSession getSession() {
                return session;
            }

            @Override
            public MavenProject getProject() {
                return null;
            }

            @Override
            public MojoExecution getMojoExecution() {
                return null;
            }

            @Override
            public Exception getException() {
                return null;
            }
        };
    }

    private boolean exists(String database) throws SQLException {
        return dbs.admin().exists(database);
    }

    /** Maven's log, kept: every line prefixed by its level. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(CharSequence content) {
            lines.add("info " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("warn " + content);
        }

        @Override
        public void warn(CharSequence content, Throwable error) {
            lines.add("warn " + content + " " + error);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("error " + content);
        }
    }
}
