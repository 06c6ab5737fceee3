package dev.testguard.discovery.spring;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.config.ClasspathResources;
import dev.testguard.discovery.config.ConfigDocument;
import dev.testguard.discovery.config.ConfigEntry;
import dev.testguard.discovery.config.ConfigFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resolves {@code spring.config.import} locations the way Spring Boot's standard resolvers do: {@code optional:},
 * {@code classpath:}, {@code file:} (from the working directory), a plain path (next to the importing file),
 * a directory ({@code .../}: its {@code application.*} files) and {@code configtree:} (one key per file). Locations of
 * other kinds ({@code configserver:}, {@code vault:}...) hold nothing testguard can read and are left out.
 */
final class ConfigImports {

    static final String IMPORT = "spring.config.import";

    private final ProjectLayout layout;

    ConfigImports(ProjectLayout layout) {
        this.layout = layout;
    }

    /** The import locations a document declares, in order (a later one takes precedence), with the line declaring them. */
    static List<ConfigEntry> declaredIn(ConfigDocument doc) {
        List<ConfigEntry> out = new ArrayList<>();
        if (doc.get(IMPORT) != null) {
            out.add(doc.get(IMPORT));
        }
        for (int i = 0; doc.get(IMPORT + "[" + i + "]") != null; i++) {
            out.add(doc.get(IMPORT + "[" + i + "]"));
        }
        return out;
    }

    /**
     * The files one import value names, lowest precedence first. {@code importer} is the declaring file, or null for an
     * import set outside any file (then, as in Spring Boot, profile-specific variants are imported too).
     */
    List<SpringConfigFiles.Found> resolve(String value, SpringConfigFiles.Found importer, List<String> profiles) {
        List<SpringConfigFiles.Found> out = new ArrayList<>();
        for (String item : value.split(",")) {
            String location = item.trim().replaceFirst("^optional:", "");
            if (location.isEmpty() || location.contains("${")) {
                continue;
            }
            if (location.startsWith("configtree:")) {
                out.addAll(configTree(location.substring("configtree:".length())));
                continue;
            }
            for (String candidate : candidates(location, importer == null ? profiles : List.of())) {
                find(candidate, importer).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The location itself, or for a directory its {@code application.*} files; then the profile variants. */
    private static List<String> candidates(String location, List<String> profiles) {
        List<String> bases = new ArrayList<>();
        if (location.endsWith("/")) {
            SpringConfigFiles.EXTENSIONS_LOW_TO_HIGH.forEach(ext -> bases.add(location + "application." + ext));
        } else {
            bases.add(location);
        }
        List<String> out = new ArrayList<>(bases);
        for (String profile : profiles) {
            for (String base : bases) {
                int dot = base.lastIndexOf('.');
                if (dot > base.lastIndexOf('/')) {
                    out.add(base.substring(0, dot) + "-" + profile + base.substring(dot));
                }
            }
        }
        return out;
    }

    private Optional<SpringConfigFiles.Found> find(String location, SpringConfigFiles.Found importer) {
        if (location.startsWith("classpath:") || location.startsWith("classpath*:")) {
            return onClasspath(location.substring(location.indexOf(':') + 1).replaceFirst("^/+", ""));
        }
        if (location.startsWith("file:")) {
            return onDisk(layout.basedir().resolve(location.substring("file:".length())));
        }
        if (location.matches("^[a-zA-Z][\\w+.-]+:.*") && !location.matches("^[a-zA-Z]:[\\\\/].*")) {
            return Optional.empty();
        }
        if (importer == null) {
            return onDisk(layout.basedir().resolve(location));
        }
        if (importer.classpath()) {
            Path dir = Path.of(importer.relativeName()).getParent();
            String name = location.startsWith("/") ? location.substring(1)
                    : dir == null ? location : dir.resolve(location).normalize().toString().replace('\\', '/');
            return onClasspath(name);
        }
        return onDisk(importer.path().getParent().resolve(location));
    }

    private Optional<SpringConfigFiles.Found> onClasspath(String name) {
        return ClasspathResources.first(layout, name).filter(ConfigImports::readable)
                .map(p -> new SpringConfigFiles.Found(p, name, true, ConfigFile.read(p)));
    }

    private Optional<SpringConfigFiles.Found> onDisk(Path path) {
        Path p = path.normalize();
        return Files.isRegularFile(p) && readable(p)
                ? Optional.of(new SpringConfigFiles.Found(p, layout.display(p), false, ConfigFile.read(p)))
                : Optional.empty();
    }

    private static boolean readable(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".properties") || n.endsWith(".yml") || n.endsWith(".yaml");
    }

    /** A config tree: every file below the directory is one property, its relative path (dots for slashes) the key. */
    private List<SpringConfigFiles.Found> configTree(String directory) {
        Path root = layout.basedir().resolve(directory.replaceFirst("^file:", "")).normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<SpringConfigFiles.Found> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = root.relativize(file).toString().replace('\\', '/').replace('/', '.');
                String value = Files.readString(file, StandardCharsets.UTF_8).strip();
                ConfigFile content = new ConfigFile(file, List.of(new ConfigDocument(List.of(new ConfigEntry(key, value, 0)))));
                out.add(new SpringConfigFiles.Found(file, layout.display(file), false, content));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigFileException(root + ": config tree cannot be read (" + e.getMessage() + ")", e);
        }
        return out;
    }
}
