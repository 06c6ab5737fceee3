package dev.testguard.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.runtime.judge.ConnectionLog;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte prefilter lets the real R2DBC connection factories through to the weaving of their create(). */
class R2dbcCandidatesTest {

    @TempDir
    Path dir;

    @Test
    void realConnectionFactoriesAreCandidates() throws Exception {
        CandidateFilter filter = new CandidateFilter(new ConnectionLog(dir, "tok", 1));
        ClassLoader tests = getClass().getClassLoader();
        ClassLoader applicationLoader = new URLClassLoader(new URL[0], tests);
        for (String type : new String[] {"io.r2dbc.postgresql.PostgresqlConnectionFactory",
            "org.mariadb.r2dbc.MariadbConnectionFactory", "io.r2dbc.spi.ConnectionFactories"}) {
            String name = type.replace('.', '/');
            byte[] bytes;
            try (InputStream in = tests.getResourceAsStream(name + ".class")) {
                bytes = in.readAllBytes();
            }
            // the filter passes classes of its own loader (here the tests'), so the class is offered from another
            assertThat(filter.isCandidate(applicationLoader, name, bytes)).as(type).isTrue();
        }
    }
}
