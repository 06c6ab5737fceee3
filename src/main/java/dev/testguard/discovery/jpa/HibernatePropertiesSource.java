package dev.testguard.discovery.jpa;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.config.ClasspathResources;
import dev.testguard.discovery.config.ConfigDocument;
import dev.testguard.discovery.config.PropertiesFile;
import dev.testguard.discovery.config.PropertyLayer;
import dev.testguard.discovery.config.PropertyLookup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code hibernate.properties} as Hibernate's {@code Environment} reads it: the first one on the test classpath
 * (a test resource hides the main one), overridden by the fork's system properties.
 */
public final class HibernatePropertiesSource implements UrlSource {

    static final String FILE = "hibernate.properties";

    @Override
    public List<DiscoveredUrl> discover(ProjectLayout layout, TestRuntime runtime) {
        Optional<Path> found = ClasspathResources.first(layout, FILE);
        if (found.isEmpty()) {
            return List.of();
        }
        Path file = found.get();
        String display = layout.display(file);
        boolean test = ClasspathResources.isTestResource(layout, file);
        ConfigDocument doc = PropertiesFile.read(file).documents().get(0);
        PropertyLayer fileLayer = PropertyLayer.document(doc, file, display, key -> test
                ? "set " + key + " in " + display + " to a test database, or use an in-memory database"
                : "add " + ClasspathResources.testShadowPath(layout, FILE) + " (it hides this file from tests) with "
                + key + " set to a test database", k -> List.of());
        PropertyLookup lookup = PropertyLookup.firstOf(List.of(
                PropertyLayer.exact("system properties", runtime.systemProperties()), fileLayer));
        List<DiscoveredUrl> out = new ArrayList<>();
        for (String key : doc.keys()) {
            PropertyLookup.Resolved r = lookup.resolve(key);
            if (r == null || !(key.equals("hibernate.connection.url") || r.value().startsWith("jdbc:"))) {
                continue;
            }
            String prefix = key.substring(0, key.lastIndexOf('.') + 1);
            out.add(r.toUrl(runtime.name(), lookup.credentials(List.of(prefix + "username", prefix + "user"),
                    List.of(prefix + "password"))));
        }
        return out;
    }
}
