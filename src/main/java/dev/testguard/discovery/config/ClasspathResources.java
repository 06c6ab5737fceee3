package dev.testguard.discovery.config;

import dev.testguard.discovery.ProjectLayout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds resources the way the test class loader does: test resource directories first, then main. */
public final class ClasspathResources {

    private ClasspathResources() {
    }

    /** The copy of {@code name} a class loader returns (a test resource hides a main one of the same name). */
    public static Optional<Path> first(ProjectLayout layout, String name) {
        return all(layout, name).stream().findFirst();
    }

    /** Every copy of {@code name} on the test classpath, in classpath order. */
    public static List<Path> all(ProjectLayout layout, String name) {
        List<Path> found = new ArrayList<>();
        for (Path dir : classpathDirectories(layout)) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** Test resources, main resources, then the rest of the test classpath (a jar as its root directory). */
    public static List<Path> classpathDirectories(ProjectLayout layout) {
        List<Path> dirs = new ArrayList<>(layout.testResources());
        dirs.addAll(layout.mainResources());
        for (Path element : layout.classpath()) {
            ClasspathJars.root(element).ifPresent(dirs::add);
        }
        return dirs;
    }

    public static boolean isTestResource(ProjectLayout layout, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return layout.testResources().stream().anyMatch(d -> abs.startsWith(d.toAbsolutePath().normalize()));
    }

    /** Where a test resource hiding {@code relativeName} would go, as users read it. */
    public static String testShadowPath(ProjectLayout layout, String relativeName) {
        Path dir = layout.testResources().isEmpty()
                ? layout.basedir().resolve("src/test/resources") : layout.testResources().get(0);
        return layout.display(dir.resolve(relativeName));
    }

    /**
     * How to point {@code key} of a classpath file elsewhere for the tests: edit a test resource in place, but never
     * advise editing the application's own configuration: hide it behind a test resource of the same name instead.
     */
    public static String advice(ProjectLayout layout, Path file, String relativeName, String display, String key) {
        if (isTestResource(layout, file)) {
            return "set " + key + " in " + display + " to a test database, or use an in-memory database";
        }
        return "add " + testShadowPath(layout, relativeName) + " (it hides this file from tests)"
                + " with " + key + " set to a test database, or use an in-memory database";
    }

    /** Files directly in the classpath directories whose names pass the test, a test resource hiding a main one of the same name. */
    public static List<Path> matching(ProjectLayout layout, java.util.function.Predicate<String> fileName) {
        java.util.Map<String, Path> byName = new java.util.LinkedHashMap<>();
        for (Path dir : classpathDirectories(layout)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (var stream = Files.list(dir)) {
                stream.filter(Files::isRegularFile)
                        .filter(p -> fileName.test(p.getFileName().toString()))
                        .sorted()
                        .forEach(p -> byName.putIfAbsent(p.getFileName().toString(), p));
            } catch (java.io.IOException e) {
                throw new dev.testguard.discovery.ConfigFileException(dir + ": cannot be listed (" + e.getMessage() + ")", e);
            }
        }
        return new ArrayList<>(byName.values());
    }
}
