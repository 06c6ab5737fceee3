package dev.testguard.policy;

import dev.testguard.jdbc.JdbcUrl;
import java.nio.file.Path;

/**
 * In-memory, Testcontainers and build/temp-directory file databases die with the build: EPHEMERAL. So is a configured
 * URL that the test class's own setup replaces before any connection (a {@code @ServiceConnection} container...).
 */
public final class EphemeralRule implements Rule {

    public static final String ID = "ephemeral";

    private final PolicySettings settings;

    public EphemeralRule(PolicySettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Decision evaluate(Target target) {
        if (target.source() != null && target.source().replacedBy() != null) {
            return ephemeral("The tests never open it: at runtime this datasource is replaced by "
                    + target.source().replacedBy() + ".");
        }
        JdbcUrl url = target.url();
        switch (url.storage()) {
            case MEMORY:
                return ephemeral("It is an in-memory database: it lives inside the test JVM and disappears with it.");
            case CONTAINER:
                return ephemeral("It is a Testcontainers database: a throwaway container started for the tests.");
            case FILE:
                return fileDatabase(url);
            default:
                return Decision.pass();
        }
    }

    private Decision fileDatabase(JdbcUrl url) {
        Path path = FilePaths.resolve(url.filePath(), settings);
        if (FilePaths.isUnder(path, settings.buildDirectory())) {
            return ephemeral("It is a file database under the build directory (" + path
                    + "): mvn clean deletes it.");
        }
        // a project checked out under /tmp keeps its real data files in the project, not in a scratch area
        if (FilePaths.isUnder(path, settings.tempDirectory()) && !FilePaths.isUnder(path, settings.baseDirectory())) {
            return ephemeral("It is a file database under the temp directory (" + path + ").");
        }
        return Decision.pass();
    }

    private static Decision ephemeral(String reason) {
        return new Decision(Decision.Outcome.EPHEMERAL, reason, null);
    }
}
