package dev.testguard.discovery;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The directories of the project being checked, as plain paths (no Maven types).
 *
 * @param basedir         the project directory; displayed paths are relative to it
 * @param buildDirectory  {@code target}
 * @param mainResources   main resource directories, in classpath order
 * @param testResources   test resource directories, in classpath order (they come first on the test classpath)
 * @param testSources     test source roots (for annotations such as {@code @ActiveProfiles})
 * @param dependencies    {@code groupId:artifactId} of every artifact on the test classpath (tells which
 *                        frameworks the tests run under)
 * @param classpath       the rest of the test classpath after the project's own classes, in order: reactor
 *                        siblings' output directories and dependency jars (their config files count too)
 */
public record ProjectLayout(
        Path basedir,
        Path buildDirectory,
        List<Path> mainResources,
        List<Path> testResources,
        List<Path> testSources,
        Set<String> dependencies,
        List<Path> classpath) {

    public ProjectLayout {
        mainResources = List.copyOf(mainResources);
        testResources = List.copyOf(testResources);
        testSources = List.copyOf(testSources);
        dependencies = Set.copyOf(dependencies);
        classpath = List.copyOf(classpath);
    }

    public ProjectLayout(Path basedir, Path buildDirectory, List<Path> mainResources, List<Path> testResources,
                         List<Path> testSources, Set<String> dependencies) {
        this(basedir, buildDirectory, mainResources, testResources, testSources, dependencies, List.of());
    }

    /** The conventional Maven layout under {@code basedir}. */
    public static ProjectLayout standard(Path basedir) {
        return new ProjectLayout(basedir, basedir.resolve("target"),
                List.of(basedir.resolve("src/main/resources")),
                List.of(basedir.resolve("src/test/resources")),
                List.of(basedir.resolve("src/test/java")), Set.of());
    }

    /** This layout with another dependency set (for tests and for the Maven adapter). */
    public ProjectLayout withDependencies(Set<String> newDependencies) {
        return new ProjectLayout(basedir, buildDirectory, mainResources, testResources, testSources, newDependencies,
                classpath);
    }

    /** This layout with another classpath after the project's own classes. */
    public ProjectLayout withClasspath(List<Path> newClasspath) {
        return new ProjectLayout(basedir, buildDirectory, mainResources, testResources, testSources, dependencies,
                newClasspath);
    }

    /** True when some dependency's groupId starts with {@code groupIdPrefix}, e.g. {@code io.quarkus}. */
    public boolean hasDependencyGroup(String groupIdPrefix) {
        return dependencies.stream().anyMatch(d -> d.startsWith(groupIdPrefix));
    }

    /** A path as users should read it: relative to the project when inside it. */
    public String display(Path path) {
        if (path.getFileSystem() != java.nio.file.FileSystems.getDefault()) {
            // an entry of a jar: the zip file system's name is the jar's path
            return display(Path.of(path.getFileSystem().toString())) + "!" + path;
        }
        Path abs = path.toAbsolutePath().normalize();
        Path base = basedir.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
