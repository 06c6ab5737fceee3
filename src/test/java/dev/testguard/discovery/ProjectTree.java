package dev.testguard.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Test helper: a throw-away Maven project tree and a hand-made test runtime. */
public final class ProjectTree {

    public static final String RUN = "maven-surefire-plugin:default-test";

    private final Path basedir;
    private Set<String> dependencies = Set.of();
    private final Map<String, SourcedValue> systemProperties = new LinkedHashMap<>();
    private final Map<String, SourcedValue> environment = new LinkedHashMap<>();

    private java.util.List<Path> classpath = java.util.List.of();

    public ProjectTree(Path basedir) {
        this.basedir = basedir;
    }

    public ProjectTree file(String relative, String content) {
        try {
            Path p = basedir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProjectTree mainResource(String name, String content) {
        return file("src/main/resources/" + name, content);
    }

    public ProjectTree testResource(String name, String content) {
        return file("src/test/resources/" + name, content);
    }

    public ProjectTree dependencies(String... groupArtifacts) {
        this.dependencies = Set.of(groupArtifacts);
        return this;
    }

    public ProjectTree sysprop(String key, String value) {
        systemProperties.put(key, new SourcedValue(value, Provenance.commandLine(key)));
        return this;
    }

    public ProjectTree env(String key, String value) {
        environment.put(key, new SourcedValue(value, Provenance.environment(key, "unset " + key)));
        return this;
    }

    public ProjectTree classpath(Path... elements) {
        this.classpath = java.util.List.of(elements);
        return this;
    }

    public ProjectLayout layout() {
        return ProjectLayout.standard(basedir).withDependencies(dependencies).withClasspath(classpath);
    }

    public TestRuntime runtime() {
        return new TestRuntime(RUN, systemProperties, environment);
    }

    public java.util.List<DiscoveredUrl> discover(UrlSource source) {
        return source.discover(layout(), runtime());
    }
}
