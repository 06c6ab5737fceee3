package dev.testguard.discovery.spring;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.javasource.AnnotationUse;
import dev.testguard.discovery.javasource.AnnotationValue;
import dev.testguard.discovery.javasource.JavaSourceScanner;
import dev.testguard.discovery.javasource.SourceIndex;
import dev.testguard.discovery.javasource.TypeDeclaration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The test classes of the project's Java test sources, each with what its own (and inherited) annotations set for
 * its Spring test context: every concrete class that declares (or inherits) a test method or carries a Spring test
 * annotation.
 */
final class SpringTestClasses {

    private static final Set<String> TEST_METHODS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory",
            "TestTemplate");
    private static final Set<String> STRING_ATTRIBUTES = Set.of("properties", "value", "locations", "profiles");
    private static final Pattern CLASS_LITERAL = Pattern.compile("(\\w+) \\. class");

    /** Every test class found, and whether some test sources could not be read as Java (Kotlin, Groovy). */
    record Scan(List<SpringTestClass> classes, boolean unreadSources) {
    }

    private final ProjectLayout layout;
    private final Map<String, TypeDeclaration> byName = new LinkedHashMap<>();
    private final List<TypeDeclaration> all = new ArrayList<>();
    private final Map<Path, Path> rootOf = new LinkedHashMap<>();

    SpringTestClasses(ProjectLayout layout) {
        this.layout = layout;
    }

    Scan scan() {
        boolean unread = false;
        List<TypeDeclaration> testTypes = new ArrayList<>();
        for (Path root : layout.testSources()) {
            unread |= scanRoot(root, testTypes);
        }
        List<TypeDeclaration> indexed = new ArrayList<>(testTypes);
        if (testTypes.stream().anyMatch(SpringTestClasses::namesConstants)) {
            scanRoot(layout.basedir().resolve("src/main/java"), indexed);
        }
        SourceIndex index = new SourceIndex(indexed, layout::display);
        for (TypeDeclaration raw : testTypes) {
            TypeDeclaration type = index.resolve(raw);
            byName.putIfAbsent(type.name(), type);
            all.add(type);
        }
        List<SpringTestClass> classes = new ArrayList<>();
        for (TypeDeclaration type : all) {
            List<TypeDeclaration> chain = chain(type);
            boolean hasTests = chain.stream().anyMatch(t -> t.hasMemberAnnotated(TEST_METHODS));
            if (!type.isAbstract() && (hasTests || hasTestAnnotation(type))) {
                classes.add(testClass(type, chain, hasTests));
            }
        }
        return new Scan(classes, unread);
    }

    private SpringTestClass testClass(TypeDeclaration type, List<TypeDeclaration> chain, boolean hasTests) {
        ActiveProfilesOf profiles = activeProfiles(chain);
        List<dev.testguard.discovery.config.PropertyLayer> layers = new TestPropertyLayers(layout, rootOf).of(chain);
        DatasourceReplacement replacement = new DatasourceReplacement(layout, chain, configurations(chain));
        return new SpringTestClass(type.name(), type.name() + " (" + layout.display(type.file()) + ":" + type.line() + ")",
                profiles == null ? null : profiles.profiles(), profiles == null ? null : profiles.source(), layers,
                replacement, hasTests);
    }

    /** Whether a property or profile attribute of the type's annotations names a constant (maybe of the main sources). */
    private static boolean namesConstants(TypeDeclaration type) {
        return type.annotations().stream().flatMap(a -> a.attributes().entrySet().stream())
                .filter(e -> STRING_ATTRIBUTES.contains(e.getKey())).flatMap(e -> e.getValue().items().stream())
                .filter(java.util.Objects::nonNull).flatMap(List::stream)
                .anyMatch(term -> term.reference() != null && !term.reference().endsWith(".class"));
    }

    /** Reads the Java files under {@code root} into {@code types}; true when some source there is not Java. */
    private boolean scanRoot(Path root, List<TypeDeclaration> types) {
        boolean unread = false;
        for (Path file : sourceFiles(root)) {
            if (!file.getFileName().toString().endsWith(".java")) {
                unread = true;
                continue;
            }
            rootOf.put(file, root);
            types.addAll(JavaSourceScanner.scan(file, read(file)));
        }
        return unread;
    }

    /** {@code @ActiveProfiles}, {@code @TestPropertySource}, {@code @SpringBootTest} or a slice such as {@code @DataJpaTest}. */
    private static boolean hasTestAnnotation(TypeDeclaration type) {
        return type.annotations().stream().map(AnnotationUse::name).anyMatch(n -> n.equals("ActiveProfiles")
                || n.equals("TestPropertySource") || n.endsWith("Test"));
    }

    /** The class, its superclasses, and for a {@code @Nested} class its enclosing classes' chains, nearest first. */
    private List<TypeDeclaration> chain(TypeDeclaration type) {
        List<TypeDeclaration> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TypeDeclaration t = type; t != null && seen.add(t.name()); t = byName.get(t.superclass() == null ? "" : t.superclass())) {
            chain.add(t);
        }
        if (type.annotation("Nested").isPresent() && type.enclosing() != null && byName.containsKey(type.enclosing())) {
            chain(byName.get(type.enclosing())).stream().filter(t -> seen.add(t.name())).forEach(chain::add);
        }
        return chain;
    }

    /** The chain plus the configuration classes it names ({@code @Import}, {@code @SpringBootTest(classes)}...). */
    private List<TypeDeclaration> configurations(List<TypeDeclaration> chain) {
        List<TypeDeclaration> out = new ArrayList<>(chain);
        for (TypeDeclaration type : chain) {
            for (AnnotationUse a : type.annotations()) {
                AnnotationValue classes = switch (a.name()) {
                    case "Import", "ImportTestcontainers" -> a.attribute("value");
                    case "SpringBootTest", "ContextConfiguration" -> a.attribute("classes");
                    default -> null;
                };
                Matcher m = CLASS_LITERAL.matcher(classes == null ? "" : classes.raw());
                while (m.find()) {
                    TypeDeclaration named = byName.get(m.group(1));
                    if (named != null && !out.contains(named)) {
                        out.addAll(chain(named));
                    }
                }
            }
        }
        byName.values().stream().filter(t -> chain.get(0).name().equals(t.enclosing()))
                .filter(t -> t.annotation("TestConfiguration").isPresent()).forEach(out::add);
        return out;
    }

    private record ActiveProfilesOf(List<String> profiles, String source) {
    }

    /** Spring merges inherited {@code @ActiveProfiles}: the superclass's profiles first, unless inheritProfiles=false. */
    private ActiveProfilesOf activeProfiles(List<TypeDeclaration> chain) {
        List<String> profiles = null;
        String source = null;
        for (TypeDeclaration type : chain) {
            AnnotationUse a = type.annotation("ActiveProfiles").orElse(null);
            if (a == null) {
                continue;
            }
            AnnotationValue v = a.firstOf("profiles", "value");
            List<String> own = new ArrayList<>();
            for (String item : v == null ? List.<String>of() : v.values()) {
                Stream.of(item.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(own::add);
            }
            if (profiles == null) {
                profiles = own;
                source = "@ActiveProfiles on " + (a.via() == null ? "" : a.via() + " on ") + type.name() + " ("
                        + layout.display(a.file() == null ? type.file() : a.file()) + ":" + a.line() + ")";
            } else {
                profiles.addAll(0, own);
            }
            AnnotationValue inherit = a.attribute("inheritProfiles");
            if (inherit != null && inherit.raw().equals("false")) {
                break;
            }
        }
        return profiles == null ? null : new ActiveProfilesOf(profiles, source);
    }

    private static List<Path> sourceFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".java") || n.endsWith(".kt") || n.endsWith(".groovy");
            }).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigFileException(root + ": test sources cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException notUtf8) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new ConfigFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
