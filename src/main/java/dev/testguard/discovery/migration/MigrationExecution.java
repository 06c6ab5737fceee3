package dev.testguard.discovery.migration;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.jdbc.Credentials;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Flyway or Liquibase plugin execution the build runs, as plain values: its POM settings and the configuration
 * files it reads. Tells which URL it will migrate (or clean, or drop) and where that URL was written.
 *
 * @param plugin        the plugin's artifactId
 * @param executionId   the execution's id
 * @param goals         its goals
 * @param pomUrl        {@code <url>} with its provenance in pom.xml, or null
 * @param pomUser       {@code <user>}/{@code <username>}, or null
 * @param pomPassword   {@code <password>}, or null
 * @param files         the configuration files it reads, in order (later ones override earlier ones)
 * @param filesOverride true when the files beat the POM (Liquibase {@code propertyFileWillOverride})
 */
public record MigrationExecution(String plugin, String executionId, List<String> goals, MigrationPom pomUrl,
                                 String pomUser, String pomPassword, List<Path> files, boolean filesOverride) {

    /** A value of the POM with the place it was written. */
    public record MigrationPom(String value, Provenance provenance) {
    }

    private static final Map<String, String> FLYWAY_KEYS = Map.of(
            "flyway.url", "url", "flyway.user", "user", "flyway.password", "password");
    private static final Map<String, String> LIQUIBASE_KEYS = Map.of(
            "url", "url", "username", "user", "password", "password",
            "liquibase.command.url", "url", "liquibase.command.username", "user", "liquibase.command.password", "password");

    public MigrationExecution {
        goals = List.copyOf(goals);
        files = List.copyOf(files);
    }

    /** The URL this execution connects to, if the POM or a file names one. */
    public Optional<DiscoveredUrl> url(ProjectLayout layout) {
        MigrationSettings fromFiles = MigrationSettings.read(files,
                plugin.startsWith("flyway") ? FLYWAY_KEYS : LIQUIBASE_KEYS);
        boolean fileWins = fromFiles.value("url") != null && (pomUrl == null || filesOverride);
        if (!fileWins && pomUrl == null) {
            return Optional.empty();
        }
        Credentials pom = new Credentials(pomUser, pomPassword);
        Credentials file = new Credentials(fromFiles.value("user"), fromFiles.value("password"));
        if (!fileWins) {
            return Optional.of(DiscoveredUrl.of("url", pomUrl.value().trim(), pomUrl.provenance(), null)
                    .withCredentials(filesOverride ? file.orElse(pom) : pom.orElse(file)));
        }
        Path where = fromFiles.file("url");
        String display = layout.display(where);
        String key = plugin.startsWith("flyway") ? "flyway.url" : "url";
        Provenance provenance = fromFiles.provenance("url", display, "point " + key + " in " + display
                + " at a test database, or unbind execution '" + executionId + "' of " + plugin + " from the build");
        return Optional.of(DiscoveredUrl.of(key, fromFiles.value("url"), provenance, null)
                .withCredentials(filesOverride || pomUrl == null ? file.orElse(pom) : pom.orElse(file)));
    }

}
