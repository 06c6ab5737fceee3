package dev.testguard.discovery.quarkus;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.FrameworkDetector;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.SourcedValue;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.config.ClasspathResources;
import dev.testguard.discovery.config.ConfigDocument;
import dev.testguard.discovery.config.ConfigEntry;
import dev.testguard.discovery.config.ConfigFile;
import dev.testguard.discovery.config.PropertyLayer;
import dev.testguard.discovery.config.PropertyLookup;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.UrlStyle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The JDBC URLs a {@code @QuarkusTest} sees. Sources by SmallRye Config ordinal: system properties (400),
 * environment (300), {@code config/application.properties} of the working directory (260), {@code application.yaml}
 * (255), {@code application.properties} (250) from test and main resources (test first). A {@code %test.} key wins
 * over the plain key unless the plain one sits in a source of higher ordinal. No URL means Dev Services.
 */
public final class QuarkusSource implements UrlSource {

    private final FrameworkDetector detector;

    public QuarkusSource() {
        this(new FrameworkDetector());
    }

    public QuarkusSource(FrameworkDetector detector) {
        this.detector = detector;
    }

    @Override
    public List<DiscoveredUrl> discover(ProjectLayout layout, TestRuntime runtime) {
        if (!detector.detect(layout).contains(FrameworkDetector.Framework.QUARKUS)) {
            return List.of();
        }
        List<PropertyLayer> fileLayers = fileLayers(layout);
        List<PropertyLayer> layers = new ArrayList<>();
        layers.add(PropertyLayer.exact("system properties", QuarkusKeys.canonicalKeys(runtime.systemProperties())).withOrdinal(400));
        layers.add(PropertyLayer.mapped("environment", runtime.environment(), QuarkusKeys::environmentNames)
                .withOrdinal(300));
        layers.addAll(fileLayers);
        List<String> profiles = profiles(runtime, layers);
        PropertyLookup lookup = key -> find(layers, profiles, key);

        Set<String> keys = QuarkusKeys.candidates(fileLayers, runtime, profiles);
        List<DiscoveredUrl> out = new ArrayList<>();
        for (String key : keys) {
            Matcher ds = QuarkusKeys.DATASOURCE_URL.matcher(key);
            PropertyLookup.Resolved r = lookup.resolve(key);
            if (r == null || !(ds.matches() || UrlStyle.isConnectionUrl(r.value())) || r.value().isBlank()) {
                continue;
            }
            String prefix = ds.matches() ? key.substring(0, key.length() - (ds.group(2) + ".url").length())
                    : key.substring(0, key.lastIndexOf('.') + 1);
            Credentials creds = lookup.credentials(List.of(prefix + "username", prefix + "user"),
                    List.of(prefix + "password"));
            DiscoveredUrl url = ds.matches() && "reactive".equals(ds.group(2)) ? reactive(r, runtime.name(), creds)
                    : r.toUrl(runtime.name(), creds);
            out.add(fromConfigFile(url) ? url : withQuarkusWay(url));
        }
        return out;
    }

    private static boolean fromConfigFile(DiscoveredUrl url) {
        java.nio.file.Path file = url.provenance().file();
        return url.provenance().kind() == Provenance.Kind.FILE && file != null
                && String.valueOf(file.getFileName()).startsWith("application");
    }

    /** A value from outside the config files (-D, environment) beats %test. keys: say to remove it, then the Quarkus way. */
    private static DiscoveredUrl withQuarkusWay(DiscoveredUrl url) {
        String how = url.provenance().howToChange();
        return new DiscoveredUrl(url.key(), url.url(), url.provenance().withHowToChange((how == null ? "remove it" : how)
                + "; then give the tests their database the Quarkus way: %test." + url.key()
                + " in src/test/resources/application.properties, or no URL at all so that Quarkus Dev Services starts one"),
                url.testRun(), url.credentials(), url.unresolved());
    }

    /** A Vert.x reactive URL ({@code postgresql://...}, {@code vertx-reactive:mysql://...}) in its JDBC form. */
    private static DiscoveredUrl reactive(PropertyLookup.Resolved r, String testRun, Credentials creds) {
        return UrlStyle.toJdbc(r.value())
                .map(c -> new DiscoveredUrl(r.key(), c.jdbcUrl(), r.provenance(), testRun,
                        c.credentials().orElse(creds), !r.unresolved().isEmpty()))
                .orElseGet(() -> r.toUrl(testRun, creds));
    }

    /** The winning value: the best {@code %profile.key} unless the plain key sits in a source of higher ordinal. */
    private static SourcedValue find(List<PropertyLayer> layers, List<String> profiles, String key) {
        int profiledOrdinal = Integer.MIN_VALUE;
        SourcedValue profiled = null;
        for (int i = profiles.size() - 1; i >= 0 && profiled == null; i--) {
            for (PropertyLayer layer : layers) {
                SourcedValue v = layer.get("%" + profiles.get(i) + "." + key);
                if (v != null) {
                    profiled = v;
                    profiledOrdinal = layer.ordinal();
                    break;
                }
            }
        }
        for (PropertyLayer layer : layers) {
            SourcedValue v = layer.get(key);
            if (v != null) {
                return profiled == null || layer.ordinal() > profiledOrdinal ? v : profiled;
            }
        }
        return profiled;
    }

    private static List<String> profiles(TestRuntime runtime, List<PropertyLayer> layers) {
        String selected = runtime.systemProperty("quarkus.test.profile");
        if (selected == null) {
            selected = runtime.systemProperty("quarkus.profile");
        }
        if (selected == null) {
            selected = PropertyLookup.firstOf(layers).resolvedValue("quarkus.test.profile");
        }
        List<String> out = new ArrayList<>();
        for (String p : (selected == null ? "test" : selected).split(",")) {
            if (!p.isBlank()) {
                out.add(p.trim());
            }
        }
        return out;
    }

    private static List<PropertyLayer> fileLayers(ProjectLayout layout) {
        List<PropertyLayer> layers = new ArrayList<>();
        Path workingDirConfig = layout.basedir().resolve("config/application.properties");
        if (Files.isRegularFile(workingDirConfig)) {
            layers.addAll(layersOf(layout, workingDirConfig, 260));
        }
        for (String name : List.of("application.yaml", "application.yml", "application.properties")) {
            int ordinal = name.endsWith(".properties") ? 250 : 255;
            for (Path file : ClasspathResources.all(layout, name)) {
                layers.addAll(layersOf(layout, file, ordinal));
            }
        }
        return layers;
    }

    private static List<PropertyLayer> layersOf(ProjectLayout layout, Path file, int ordinal) {
        String display = layout.display(file);
        boolean main = !ClasspathResources.isTestResource(layout, file);
        List<PropertyLayer> out = new ArrayList<>();
        List<ConfigDocument> docs = new ArrayList<>(ConfigFile.read(file).documents());
        java.util.Collections.reverse(docs);
        for (ConfigDocument doc : docs) {
            ConfigDocument canonical = new ConfigDocument(doc.entries().stream()
                    .flatMap(e -> QuarkusKeys.perProfile(QuarkusKeys.canonical(e.key())).stream()
                            .map(k -> new ConfigEntry(k, e.value(), e.line())))
                    .toList());
            out.add(PropertyLayer.document(canonical, file, display, key -> howToChange(key, display, main), k -> List.of())
                    .withOrdinal(ordinal));
        }
        return out;
    }

    private static String howToChange(String key, String display, boolean main) {
        if (key.startsWith("%")) {
            return "point " + key + " in " + display + " at a test database, or remove it to use Dev Services";
        }
        return "set %test." + key + " in " + display + " to a test database (the %test. profile is what"
                + " @QuarkusTest reads), or remove the URL so that Quarkus Dev Services starts a database for the tests";
    }


}
