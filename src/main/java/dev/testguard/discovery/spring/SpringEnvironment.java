package dev.testguard.discovery.spring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.SourcedValue;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.config.ClasspathResources;
import dev.testguard.discovery.config.ConfigDocument;
import dev.testguard.discovery.config.ConfigEntry;
import dev.testguard.discovery.config.PropertyLayer;
import dev.testguard.discovery.config.PropertyLookup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Spring Boot 3 environment a test sees for one set of active profiles: SPRING_APPLICATION_JSON, then the
 * fork's system properties, then its environment (relaxed names), then the config data files.
 */
final class SpringEnvironment {

    static final String ACTIVE = "spring.profiles.active";
    static final String INCLUDE = "spring.profiles.include";
    static final String DEFAULT = "spring.profiles.default";

    private final ProjectLayout layout;
    private final SpringConfigFiles files;
    private final List<PropertyLayer> runtimeLayers;
    private final ConfigImports imports;

    /** The profiles in effect (last wins) and the file layers active for them, highest precedence first. */
    private List<String> profiles = List.of();
    private List<PropertyLayer> fileLayers = List.of();

    SpringEnvironment(ProjectLayout layout, SpringConfigFiles files, TestRuntime runtime) {
        this(layout, files, runtime, List.of());
    }

    /** {@code testLayers}: a test class's own property sources (highest first), above everything the fork sees. */
    SpringEnvironment(ProjectLayout layout, SpringConfigFiles files, TestRuntime runtime, List<PropertyLayer> testLayers) {
        this.layout = layout;
        this.files = files;
        this.imports = new ConfigImports(layout);
        this.runtimeLayers = concat(testLayers, runtimeLayers(runtime));
    }

    /**
     * Computes the active profiles and the layers. {@code testProfiles} are the profiles of an
     * {@code @ActiveProfiles} annotation (they replace {@code spring.profiles.active}), or null.
     */
    SpringEnvironment activate(List<String> testProfiles) {
        List<PropertyLayer> plainUnconditional = reverse(layersOf(withRootImports(files.plainFiles(), List.of()), null));
        PropertyLookup early = lookup(runtimeLayers, plainUnconditional);
        LinkedHashSet<String> accepted = new LinkedHashSet<>();
        List<String> include = new ArrayList<>();
        for (PropertyLayer layer : reverse(concat(runtimeLayers, plainUnconditional))) {
            include.addAll(listValue(PropertyLookup.firstOf(List.of(layer)), INCLUDE));
        }
        accepted.addAll(include);
        accepted.addAll(testProfiles != null ? testProfiles : listValue(early, ACTIVE));
        if (accepted.isEmpty()) {
            List<String> defaults = listValue(early, DEFAULT);
            accepted.addAll(defaults.isEmpty() ? List.of("default") : defaults);
        }
        this.profiles = expandGroups(early, new ArrayList<>(accepted));
        this.fileLayers = reverse(layersOf(withRootImports(files.allFiles(profiles), profiles), profiles));
        return this;
    }

    /**
     * The files plus those a {@code spring.config.import} set outside any file names (a system property, a variable):
     * Spring Boot imports them, and their profile-specific variants, above the default locations.
     */
    private List<SpringConfigFiles.Found> withRootImports(List<SpringConfigFiles.Found> found, List<String> active) {
        String rootImport = PropertyLookup.firstOf(runtimeLayers).resolvedValue(ConfigImports.IMPORT);
        if (rootImport == null) {
            return found;
        }
        return concat(found, imports.resolve(rootImport, null, active));
    }

    List<String> profiles() {
        return profiles;
    }

    PropertyLookup lookup() {
        return lookup(runtimeLayers, fileLayers);
    }

    List<PropertyLayer> fileLayers() {
        return fileLayers;
    }

    private static PropertyLookup lookup(List<PropertyLayer> runtime, List<PropertyLayer> fileLayers) {
        return PropertyLookup.firstOf(concat(runtime, fileLayers));
    }

    /** Layers of the files' documents, lowest first; {@code profiles == null} keeps only unconditional documents. */
    private List<PropertyLayer> layersOf(List<SpringConfigFiles.Found> found, List<String> profiles) {
        List<PropertyLayer> layers = new ArrayList<>();
        for (SpringConfigFiles.Found f : found) {
            addFile(f, null, profiles, layers, new java.util.HashSet<>());
        }
        return layers;
    }

    /**
     * Adds a file's active documents, lowest first; what a document imports goes right after it, so it takes
     * precedence over the importing document (and a later import over an earlier one), as in Spring Boot.
     */
    private void addFile(SpringConfigFiles.Found f, String importedBy, List<String> profiles, List<PropertyLayer> layers,
                         Set<java.nio.file.Path> importing) {
        if (!importing.add(f.path())) {
            return;
        }
        String display = layout.display(f.path());
        Function<String, String> advice = key -> howToChange(f, display, key, importedBy);
        for (ConfigDocument doc : f.content().documents()) {
            if (!isActive(doc, profiles)) {
                continue;
            }
            layers.add(PropertyLayer.document(doc, f.path(), display, advice, k -> List.of())
                    .withNormalizer(SpringNames::canonical));
            for (ConfigEntry declared : ConfigImports.declaredIn(doc)) {
                String by = display + ":" + declared.line();
                for (SpringConfigFiles.Found imported : imports.resolve(declared.value(), f, profiles)) {
                    addFile(imported, by, profiles, layers, importing);
                }
            }
        }
        importing.remove(f.path());
    }

    private String howToChange(SpringConfigFiles.Found f, String display, String key, String importedBy) {
        String advice;
        if (!f.classpath()) {
            advice = "set " + key + " in " + display + " (Spring Boot reads it from the working directory) to a test"
                    + " database, or delete that file";
        } else {
            advice = ClasspathResources.advice(layout, f.path(), f.relativeName(), display, key);
        }
        return importedBy == null ? advice
                : advice + " (" + display + " is imported by spring.config.import at " + importedBy
                        + "; or drop that import for the tests)";
    }

    private static boolean isActive(ConfigDocument doc, List<String> profiles) {
        if (doc.get("spring.config.activate.on-cloud-platform") != null) {
            return false;
        }
        String condition = conditionOf(doc, "spring.config.activate.on-profile");
        if (condition == null) {
            condition = conditionOf(doc, "spring.profiles");
        }
        if (condition == null) {
            return true;
        }
        return profiles != null && ProfileExpression.matches(condition, profiles);
    }

    private static String conditionOf(ConfigDocument doc, String key) {
        if (doc.value(key) != null) {
            return doc.value(key);
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; doc.value(key + "[" + i + "]") != null; i++) {
            items.add(doc.value(key + "[" + i + "]"));
        }
        return items.isEmpty() ? null : String.join(",", items);
    }

    /** A comma-separated or indexed ({@code key[0]}) list value. */
    static List<String> listValue(PropertyLookup lookup, String key) {
        List<String> out = new ArrayList<>();
        String single = lookup.resolvedValue(key);
        if (single != null) {
            for (String s : single.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
            return out;
        }
        for (int i = 0; ; i++) {
            String item = lookup.resolvedValue(key + "[" + i + "]");
            if (item == null) {
                return out;
            }
            if (!item.isBlank()) {
                out.add(item.trim());
            }
        }
    }

    /** Adds the members of {@code spring.profiles.group.<name>} after each profile, recursively. */
    private static List<String> expandGroups(PropertyLookup lookup, List<String> profiles) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String p : profiles) {
            expand(lookup, p, out, new LinkedHashSet<>());
        }
        return new ArrayList<>(out);
    }

    private static void expand(PropertyLookup lookup, String profile, Set<String> out, Set<String> seen) {
        if (!seen.add(profile)) {
            return;
        }
        out.add(profile);
        for (String member : listValue(lookup, "spring.profiles.group." + profile)) {
            expand(lookup, member, out, seen);
        }
    }

    private static List<PropertyLayer> runtimeLayers(TestRuntime runtime) {
        List<PropertyLayer> layers = new ArrayList<>();
        SourcedValue json = runtime.systemProperties().get("spring.application.json");
        String jsonName = "system property spring.application.json";
        if (json == null) {
            json = runtime.environment().get("SPRING_APPLICATION_JSON");
            jsonName = "environment variable SPRING_APPLICATION_JSON";
        }
        if (json != null) {
            layers.add(PropertyLayer.exact("SPRING_APPLICATION_JSON", flattenJson(json, jsonName))
                    .withNormalizer(SpringNames::canonical));
        }
        layers.add(PropertyLayer.exact("system properties", runtime.systemProperties())
                .withNormalizer(SpringNames::canonical));
        layers.add(PropertyLayer.mapped("environment", runtime.environment(), SpringNames::environmentNames));
        return layers;
    }

    private static Map<String, SourcedValue> flattenJson(SourcedValue json, String name) {
        Map<String, SourcedValue> out = new LinkedHashMap<>();
        try {
            flatten("", new ObjectMapper().readTree(json.value()), json, out);
        } catch (JsonProcessingException e) {
            throw new ConfigFileException(name + " (" + json.provenance() + ") is not valid JSON: "
                    + e.getOriginalMessage() + ". Fix it or remove it.");
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, SourcedValue source, Map<String, SourcedValue> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e ->
                    flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), source, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), source, out);
            }
        } else if (!prefix.isEmpty() && !node.isNull()) {
            out.put(prefix, new SourcedValue(node.asText(), source.provenance()));
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static <T> List<T> reverse(List<T> list) {
        List<T> out = new ArrayList<>(list);
        Collections.reverse(out);
        return out;
    }
}
