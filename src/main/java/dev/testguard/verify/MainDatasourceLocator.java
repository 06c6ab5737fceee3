package dev.testguard.verify;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.UrlSource;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlException;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.jdbc.Storage;
import dev.testguard.policy.MainDatasource;
import dev.testguard.probe.LiveProbe;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the application's own datasource: the URL the app uses from {@code src/main/resources} with no
 * test resources, no test profile and nothing from the test forks. Tests must never share its database.
 */
public final class MainDatasourceLocator {

    /** Keys that name an application's primary datasource, most specific first. */
    private static final List<String> PRIMARY_KEYS = List.of(
            "spring.datasource.url", "quarkus.datasource.jdbc.url", "datasources.default.url",
            "spring.r2dbc.url", "quarkus.datasource.reactive.url",
            "jakarta.persistence.jdbc.url", "javax.persistence.jdbc.url", "hibernate.connection.url");

    private final List<UrlSource> sources;

    public MainDatasourceLocator(List<UrlSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public Optional<DiscoveredUrl> locate(ProjectLayout layout) {
        ProjectLayout mainOnly = new ProjectLayout(layout.basedir(), layout.buildDirectory(), layout.mainResources(),
                List.of(), List.of(), layout.dependencies(), layout.classpath());
        // Quarkus runs the application in dev mode on a developer's machine: that is the database at risk.
        TestRuntime application = new TestRuntime("application", Map.of(
                "quarkus.profile", new dev.testguard.discovery.SourcedValue("dev", null),
                "quarkus.test.profile", new dev.testguard.discovery.SourcedValue("dev", null)), Map.of());
        List<DiscoveredUrl> found = new java.util.ArrayList<>();
        for (UrlSource source : sources) {
            found.addAll(source.discover(mainOnly, application));
        }
        found.removeIf(DiscoveredUrl::unresolved);
        for (String key : PRIMARY_KEYS) {
            Optional<DiscoveredUrl> primary = found.stream().filter(u -> key.equals(u.key())).findFirst();
            if (primary.isPresent()) {
                return primary;
            }
        }
        return found.stream().findFirst();
    }

    /** The main datasource ready for the rules, probed live for its identity; empty when ephemeral or unusable. */
    public Optional<MainDatasource> resolve(ProjectLayout layout, LiveProbe probe) {
        Optional<DiscoveredUrl> main = locate(layout);
        if (main.isEmpty()) {
            return Optional.empty();
        }
        JdbcUrl url;
        try {
            url = JdbcUrlParser.parse(main.get().url());
        } catch (JdbcUrlException e) {
            return Optional.empty();
        }
        if (url.storage() == Storage.MEMORY || url.storage() == Storage.CONTAINER) {
            return Optional.empty();
        }
        return Optional.of(new MainDatasource(url, probe.inspect(url, main.get().credentials())));
    }
}
