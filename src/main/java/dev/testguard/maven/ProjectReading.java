package dev.testguard.maven;

import dev.testguard.discovery.ConfigFileSources;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.RuntimeUrlSource;
import dev.testguard.discovery.UrlSource;
import dev.testguard.policy.PolicySettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.project.MavenProject;

/** Reads what discovery needs from a Maven project; shared by the guard goals and backup. */
final class ProjectReading {

    private ProjectReading() {
    }

    static List<UrlSource> sources() {
        List<UrlSource> sources = new ArrayList<>(ConfigFileSources.all());
        sources.add(new RuntimeUrlSource());
        return sources;
    }

    /** The project's directories; its dependencies only when the goal asked Maven to resolve them. */
    static ProjectLayout layout(MavenProject project) {
        Path basedir = project.getBasedir().toPath();
        Set<String> dependencies = project.getArtifacts().stream()
                .map((Artifact a) -> a.getGroupId() + ":" + a.getArtifactId())
                .collect(Collectors.toSet());
        return new ProjectLayout(basedir,
                Path.of(project.getBuild().getDirectory()),
                project.getResources().stream().map(r -> basedir.resolve(r.getDirectory())).collect(Collectors.toList()),
                project.getTestResources().stream().map(r -> basedir.resolve(r.getDirectory())).collect(Collectors.toList()),
                project.getTestCompileSourceRoots().stream().map(basedir::resolve).collect(Collectors.toList()),
                dependencies, classpathAfterOwnClasses(project));
    }

    /** The test classpath without the project's own output directories (their files are read from the sources). */
    private static List<Path> classpathAfterOwnClasses(MavenProject project) {
        try {
            Set<Path> own = Set.of(Path.of(project.getBuild().getOutputDirectory()).toAbsolutePath().normalize(),
                    Path.of(project.getBuild().getTestOutputDirectory()).toAbsolutePath().normalize());
            return project.getTestClasspathElements().stream().map(e -> Path.of(e).toAbsolutePath().normalize())
                    .filter(p -> !own.contains(p)).collect(Collectors.toList());
        } catch (DependencyResolutionRequiredException e) {
            return List.of(); // a goal that resolves no dependencies reads the project's own files only
        }
    }

    /** The default settings for this project with the configured name tokens (empty or null: the defaults). */
    static PolicySettings settings(MavenProject project, boolean ci, List<String> testTokens, List<String> forbiddenTokens) {
        PolicySettings settings = PolicySettings.defaults(project.getBasedir().toPath(),
                Path.of(project.getBuild().getDirectory()), ci);
        return settings.withTokens(
                testTokens == null || testTokens.isEmpty() ? settings.testTokens() : new LinkedHashSet<>(testTokens),
                forbiddenTokens == null || forbiddenTokens.isEmpty() ? settings.forbiddenTokens()
                        : new LinkedHashSet<>(forbiddenTokens));
    }
}
