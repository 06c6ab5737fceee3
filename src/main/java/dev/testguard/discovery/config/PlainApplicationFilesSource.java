package dev.testguard.discovery.config;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.FrameworkDetector;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.UrlSource;

import dev.testguard.jdbc.UrlStyle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * For a project with no application framework: every {@code jdbc:} value in {@code application*.properties|yml|yaml}
 * of test and main resources (a test resource hides a main one of the same name), since the project may read
 * them itself. Placeholders resolve from the fork's system properties, its environment, then the file.
 */
public final class PlainApplicationFilesSource implements UrlSource {

    private static final Pattern APPLICATION_FILE = Pattern.compile("application.*\\.(properties|ya?ml)");

    private final FrameworkDetector detector;

    public PlainApplicationFilesSource() {
        this(new FrameworkDetector());
    }

    public PlainApplicationFilesSource(FrameworkDetector detector) {
        this.detector = detector;
    }

    @Override
    public List<DiscoveredUrl> discover(ProjectLayout layout, TestRuntime runtime) {
        if (!detector.detect(layout).isEmpty()) {
            return List.of();
        }
        List<DiscoveredUrl> out = new ArrayList<>();
        for (Path file : ClasspathResources.matching(layout, n -> APPLICATION_FILE.matcher(n).matches())) {
            String display = layout.display(file);
            for (ConfigDocument doc : ConfigFile.read(file).documents()) {
                PropertyLayer layer = PropertyLayer.document(doc, file, display,
                        key -> ClasspathResources.advice(layout, file, file.getFileName().toString(), display, key),
                        k -> List.of());
                PropertyLookup lookup = PropertyLookup.firstOf(List.of(
                        PropertyLayer.exact("system properties", runtime.systemProperties()),
                        PropertyLayer.exact("environment", runtime.environment()), layer));
                for (String key : doc.keys()) {
                    // the file's own value is the one reported; system properties only fill its placeholders
                    PropertyLookup fileFirst = k -> k.equals(key) ? layer.get(k) : lookup.find(k);
                    PropertyLookup.Resolved r = fileFirst.resolve(key);
                    if (r != null && UrlStyle.isConnectionUrl(r.value())) {
                        String prefix = key.substring(0, key.lastIndexOf('.') + 1);
                        out.add(r.toUrl(runtime.name(), fileFirst.credentials(
                                List.of(prefix + "username", prefix + "user"), List.of(prefix + "password"))));
                    }
                }
            }
        }
        return out;
    }
}
