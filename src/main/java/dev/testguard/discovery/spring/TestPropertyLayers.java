package dev.testguard.discovery.spring;

import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.SourcedValue;
import dev.testguard.discovery.config.ClasspathResources;
import dev.testguard.discovery.config.ConfigDocument;
import dev.testguard.discovery.config.ConfigEntry;
import dev.testguard.discovery.config.ConfigFile;
import dev.testguard.discovery.config.PropertiesFile;
import dev.testguard.discovery.config.PropertyLayer;
import dev.testguard.discovery.javasource.AnnotationUse;
import dev.testguard.discovery.javasource.AnnotationValue;
import dev.testguard.discovery.javasource.TypeDeclaration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The property sources a test class's annotations add, highest precedence first, as Spring's test context orders
 * them: {@code @TestPropertySource} inlined {@code properties} (a subclass's over its superclass's), then its
 * {@code locations} files (a later one over an earlier one, a subclass's over its superclass's), then the
 * {@code properties} of {@code @SpringBootTest} or a test slice ({@code @DataJpaTest}, {@code @JdbcTest}...).
 */
final class TestPropertyLayers {

    private final ProjectLayout layout;
    private final Map<Path, Path> sourceRootOf;

    TestPropertyLayers(ProjectLayout layout, Map<Path, Path> sourceRootOf) {
        this.layout = layout;
        this.sourceRootOf = sourceRootOf;
    }

    List<PropertyLayer> of(List<TypeDeclaration> chain) {
        List<PropertyLayer> inlined = new ArrayList<>();
        List<PropertyLayer> located = new ArrayList<>();
        List<PropertyLayer> bootProperties = new ArrayList<>();
        for (TypeDeclaration type : chain) {
            for (AnnotationUse a : type.annotations("TestPropertySource")) {
                add(inlined, inlined(type, a, a.attribute("properties")));
                List<PropertyLayer> files = new ArrayList<>();
                AnnotationValue locations = a.firstOf("locations", "value");
                for (AnnotationValue.Literal location : locations == null ? List.<AnnotationValue.Literal>of() : locations.strings()) {
                    files.addAll(locationLayers(type, a, location));
                }
                Collections.reverse(files);
                located.addAll(files);
            }
            for (AnnotationUse a : type.annotations()) {
                if (a.name().endsWith("Test") && bootProperties.isEmpty()) {
                    add(bootProperties, inlined(type, a, a.name().equals("SpringBootTest")
                            ? a.firstOf("properties", "value") : a.attribute("properties")));
                }
            }
        }
        List<PropertyLayer> out = new ArrayList<>(inlined);
        out.addAll(located);
        out.addAll(bootProperties);
        return out;
    }

    private static void add(List<PropertyLayer> layers, PropertyLayer layer) {
        if (layer != null) {
            layers.add(layer);
        }
    }

    /** The inlined {@code key=value} strings of one attribute (each read as a properties text, as Spring does). */
    private PropertyLayer inlined(TypeDeclaration type, AnnotationUse a, AnnotationValue value) {
        if (value == null || value.strings().isEmpty()) {
            return null;
        }
        Path file = declaredIn(type, a);
        String display = layout.display(file);
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        for (AnnotationValue.Literal literal : value.strings()) {
            for (ConfigDocument doc : PropertiesFile.parse(file, literal.value()).documents()) {
                for (ConfigEntry e : doc.entries()) {
                    // a value built from constants is shown where the annotation uses them
                    int line = literal.via() == null ? literal.line() + e.line() - 1 : literal.line();
                    values.put(e.key(), new SourcedValue(e.value(), Provenance.file(file, display, line,
                            "change " + e.key() + " in @" + a.name() + "(properties) of " + owner(type, a)
                                    + (literal.via() == null ? "" : ", built from " + literal.via())
                                    + " to a test database, or remove it")));
                }
            }
        }
        return PropertyLayer.exact("@" + a.name() + " of " + owner(type, a), values).withNormalizer(SpringNames::canonical);
    }

    /** The file the annotation is written in: the type's own, or a composed annotation's. */
    private static Path declaredIn(TypeDeclaration type, AnnotationUse a) {
        return a.file() == null ? type.file() : a.file();
    }

    /** {@code OrdersTests}, or for a composed annotation {@code @DevDatabase on OrdersTests}. */
    private static String owner(TypeDeclaration type, AnnotationUse a) {
        return a.via() == null ? type.name() : a.via() + " on " + type.name();
    }

    private List<PropertyLayer> locationLayers(TypeDeclaration type, AnnotationUse a, AnnotationValue.Literal location) {
        Optional<Path> file = resolve(declaredIn(type, a), location.value().trim());
        if (file.isEmpty()) {
            return List.of();
        }
        String display = layout.display(file.get());
        List<PropertyLayer> layers = new ArrayList<>();
        for (ConfigDocument doc : ConfigFile.read(file.get()).documents()) {
            layers.add(PropertyLayer.document(doc, file.get(), display,
                    key -> "set " + key + " in " + display + " (loaded by @TestPropertySource on " + owner(type, a) + ", "
                            + layout.display(declaredIn(type, a)) + ":" + a.line() + ") to a test database",
                    k -> List.of()).withNormalizer(SpringNames::canonical));
        }
        return layers;
    }

    /** {@code classpath:x}, {@code file:x}, {@code /x} (classpath root) or {@code x} (next to the test class). */
    private Optional<Path> resolve(Path declaringFile, String location) {
        if (location.startsWith("file:")) {
            Path p = layout.basedir().resolve(location.substring("file:".length()));
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        String name = location.replaceFirst("^classpath\\*?:", "");
        if (!name.startsWith("/") && !location.startsWith("classpath")) {
            Path root = sourceRootOf.get(declaringFile);
            Path pkg = root == null ? null : root.relativize(declaringFile.getParent());
            name = pkg == null || pkg.toString().isEmpty() ? name : pkg.toString().replace('\\', '/') + "/" + name;
        }
        return ClasspathResources.first(layout, name.replaceFirst("^/+", ""));
    }
}
