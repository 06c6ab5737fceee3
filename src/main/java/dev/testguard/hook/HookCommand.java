package dev.testguard.hook;

import java.util.Objects;

/**
 * What the hook runs: which Maven, which plugin version, and in which directory of the exported staged tree
 * (the project's path relative to the git work tree root, empty for the root itself).
 */
public record HookCommand(String mavenExecutable, String pluginCoordinates, String projectPath) {

    public HookCommand {
        Objects.requireNonNull(mavenExecutable, "mavenExecutable");
        Objects.requireNonNull(pluginCoordinates, "pluginCoordinates");
        projectPath = projectPath == null ? "" : projectPath.replace('\\', '/');
        for (String value : new String[] {mavenExecutable, pluginCoordinates, projectPath}) {
            if (value.contains("'") || value.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("cannot put a quote or control character into a hook script: " + value);
            }
        }
    }

    /** {@code groupId:artifactId:version}, so the hook runs exactly the installed plugin version. */
    public static HookCommand of(String mavenExecutable, String groupId, String artifactId, String version, String projectPath) {
        return new HookCommand(mavenExecutable, groupId + ":" + artifactId + ":" + version, projectPath);
    }
}
