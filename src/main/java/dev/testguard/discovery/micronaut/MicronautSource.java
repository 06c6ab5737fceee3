package dev.testguard.discovery.micronaut;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.FrameworkDetector;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.config.ClasspathResources;
import dev.testguard.discovery.config.ConfigDocument;
import dev.testguard.discovery.config.ConfigFile;
import dev.testguard.discovery.config.PropertyLayer;
import dev.testguard.discovery.config.PropertyLookup;

import dev.testguard.jdbc.UrlStyle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDBC URLs a {@code @MicronautTest} sees: system properties, then environment variables
 * ({@code DATASOURCES_DEFAULT_URL}), then {@code application-<env>.*} for the active environments (the last
 * wins; {@code test} is always active in tests) and {@code application.*}; test resources hide main ones.
 */
public final class MicronautSource implements UrlSource {

    private static final Pattern DATASOURCE_URL = Pattern.compile("datasources\\.([^.]+)\\.(?:url|jdbc-url)");
    private static final Pattern ENV_DATASOURCE_URL = Pattern.compile("DATASOURCES_([A-Z0-9_]+)_URL");
    private static final List<String> EXTENSIONS_LOW_TO_HIGH = List.of("yaml", "yml", "properties");

    private final FrameworkDetector detector;

    public MicronautSource() {
        this(new FrameworkDetector());
    }

    public MicronautSource(FrameworkDetector detector) {
        this.detector = detector;
    }

    @Override
    public List<DiscoveredUrl> discover(ProjectLayout layout, TestRuntime runtime) {
        if (!detector.detect(layout).contains(FrameworkDetector.Framework.MICRONAUT)) {
            return List.of();
        }
        List<PropertyLayer> fileLayers = new ArrayList<>();
        for (String base : baseNames(runtime)) {
            for (String ext : EXTENSIONS_LOW_TO_HIGH) {
                ClasspathResources.first(layout, base + "." + ext).ifPresent(p -> fileLayers.addAll(layersOf(layout, p)));
            }
        }
        Collections.reverse(fileLayers);
        List<PropertyLayer> layers = new ArrayList<>();
        layers.add(PropertyLayer.exact("system properties", runtime.systemProperties()));
        layers.add(PropertyLayer.mapped("environment", runtime.environment(), MicronautSource::environmentNames));
        layers.addAll(fileLayers);
        PropertyLookup lookup = PropertyLookup.firstOf(layers);

        Set<String> keys = new LinkedHashSet<>();
        fileLayers.forEach(l -> keys.addAll(l.keys()));
        for (String variable : runtime.environment().keySet()) {
            Matcher m = ENV_DATASOURCE_URL.matcher(variable);
            if (m.matches()) {
                keys.add("datasources." + m.group(1).toLowerCase(Locale.ROOT).replace('_', '-') + ".url");
            }
        }
        for (String key : runtime.systemProperties().keySet()) {
            if (DATASOURCE_URL.matcher(key).matches()) {
                keys.add(key);
            }
        }
        List<DiscoveredUrl> out = new ArrayList<>();
        for (String key : keys) {
            boolean datasource = DATASOURCE_URL.matcher(key).matches();
            PropertyLookup.Resolved r = lookup.resolve(key);
            if (r == null || r.value().isBlank() || !(datasource || UrlStyle.isConnectionUrl(r.value()))) {
                continue;
            }
            String prefix = key.substring(0, key.lastIndexOf('.') + 1);
            out.add(r.toUrl(runtime.name(), lookup.credentials(List.of(prefix + "username", prefix + "user"),
                    List.of(prefix + "password"))));
        }
        return out;
    }

    /** {@code application}, then {@code application-<env>} for each active environment, lowest precedence first. */
    private static List<String> baseNames(TestRuntime runtime) {
        Set<String> envs = new LinkedHashSet<>();
        envs.add("test");
        for (String configured : new String[] {runtime.env("MICRONAUT_ENVIRONMENTS"),
                runtime.systemProperty("micronaut.environments")}) {
            if (configured != null) {
                for (String e : configured.split(",")) {
                    if (!e.isBlank()) {
                        envs.add(e.trim());
                    }
                }
            }
        }
        List<String> names = new ArrayList<>();
        names.add("application");
        envs.forEach(e -> names.add("application-" + e));
        return names;
    }

    private static List<PropertyLayer> layersOf(ProjectLayout layout, Path file) {
        String display = layout.display(file);
        boolean test = ClasspathResources.isTestResource(layout, file);
        String name = file.getFileName().toString();
        List<PropertyLayer> out = new ArrayList<>();
        for (ConfigDocument doc : ConfigFile.read(file).documents()) {
            out.add(PropertyLayer.document(doc, file, display, key -> test
                    ? "set " + key + " in " + display + " to a test database, or use Test Resources / an in-memory database"
                    : "add " + ClasspathResources.testShadowPath(layout, name.startsWith("application-test.") ? name
                    : "application-test." + name.substring(name.lastIndexOf('.') + 1))
                    + " with " + key + " set to a test database, or use Test Resources / an in-memory database",
                    k -> List.of()));
        }
        return out;
    }

    /** Micronaut maps {@code DATASOURCES_DEFAULT_URL} to {@code datasources.default.url}. */
    static List<String> environmentNames(String key) {
        return List.of(key.replaceAll("[.\\-\\[\\]]", "_").toUpperCase(Locale.ROOT));
    }
}
