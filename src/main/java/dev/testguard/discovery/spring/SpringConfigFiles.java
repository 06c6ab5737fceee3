package dev.testguard.discovery.spring;

import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.config.ClasspathResources;
import dev.testguard.discovery.config.ConfigFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds Spring Boot's config data files in its default search locations, ordered lowest precedence first:
 * {@code classpath:/} and {@code classpath:/config/} (test resources hiding main ones of the same name), then
 * {@code file:./} and {@code file:./config/} of the working directory; profile-specific files after the plain
 * ones of their group; in one location {@code .properties} after {@code .yml} after {@code .yaml}.
 */
final class SpringConfigFiles {

    static final List<String> EXTENSIONS_LOW_TO_HIGH = List.of("yaml", "yml", "properties");

    /** One file found, with what kind of location holds it (for the advice given to users). */
    record Found(Path path, String relativeName, boolean classpath, ConfigFile content) {
    }

    private final ProjectLayout layout;
    private final Map<Path, ConfigFile> cache = new HashMap<>();

    SpringConfigFiles(ProjectLayout layout) {
        this.layout = layout;
    }

    /** The plain {@code application.*} files, lowest precedence first. */
    List<Found> plainFiles() {
        List<Found> out = new ArrayList<>();
        out.addAll(group(true, List.of("application")));
        out.addAll(group(false, List.of("application")));
        return out;
    }

    /** Every file for the given profiles, lowest precedence first (the last profile wins). */
    List<Found> allFiles(List<String> profiles) {
        List<String> profileNames = profiles.stream().map(p -> "application-" + p).toList();
        List<Found> out = new ArrayList<>();
        for (boolean classpath : new boolean[] {true, false}) {
            out.addAll(group(classpath, List.of("application")));
            out.addAll(group(classpath, profileNames));
        }
        return out;
    }

    private List<Found> group(boolean classpath, List<String> baseNames) {
        List<Found> out = new ArrayList<>();
        for (String baseName : baseNames) {
            for (String dir : List.of("", "config/")) {
                for (String ext : EXTENSIONS_LOW_TO_HIGH) {
                    String relative = dir + baseName + "." + ext;
                    find(classpath, relative).ifPresent(p -> out.add(
                            new Found(p, relative, classpath, cache.computeIfAbsent(p, ConfigFile::read))));
                }
            }
        }
        return out;
    }

    private Optional<Path> find(boolean classpath, String relative) {
        if (classpath) {
            return ClasspathResources.first(layout, relative);
        }
        Path p = layout.basedir().resolve(relative);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
