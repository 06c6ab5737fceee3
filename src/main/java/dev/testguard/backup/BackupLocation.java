package dev.testguard.backup;

import dev.testguard.backup.tool.ExternalTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a project's backups live: {@code ~/.testguard/backups/<groupId>/<artifactId>/} unless
 * overridden (then inside a 0700 {@code testguard-backups} directory when the one named is not testguard's own
 * private directory), and never inside the git work tree unless git ignores that directory (a dump
 * committed by accident is a data leak).
 */
public final class BackupLocation {

    public static final String STANDALONE = "_standalone";

    private BackupLocation() {
    }

    /**
     * @param override   {@code testguard.backupDir}, or null; a relative one is resolved against {@code baseDir}
     * @param baseDir    the module's basedir (the working directory when there is no project)
     * @param groupId    null when there is no project
     * @param artifactId null when there is no project
     */
    public static Path resolve(String override, Path baseDir, String groupId, String artifactId, Path userHome) {
        if (override != null && !override.isBlank()) {
            // a directory the user names may be shared (a sticky /tmp): never chmod it, keep backups inside it
            return PrivateDirectory.within(baseDir.toAbsolutePath().resolve(override.trim()).normalize());
        }
        Path base = userHome.resolve(".testguard").resolve("backups");
        if (groupId == null || artifactId == null) {
            return base.resolve(STANDALONE);
        }
        return base.resolve(safe(groupId)).resolve(safe(artifactId));
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Refuses {@code backupDir} inside the git work tree of {@code projectDir} unless git ignores it.
     * No git, no project or no work tree: allowed.
     */
    public static void checkNotCommittable(Path backupDir, Path projectDir) throws BackupException {
        if (projectDir == null) {
            return;
        }
        Optional<ExternalTool> git = ExternalTool.find("git", "git.exe");
        if (git.isEmpty()) {
            return;
        }
        ExternalTool.Result top = git.get().run(List.of("-C", projectDir.toString(), "rev-parse", "--show-toplevel"),
                Map.of(), null, l -> { }, l -> { });
        if (top.exitCode() != 0 || top.stdout().isBlank()) {
            return;
        }
        Path workTree = real(Path.of(top.stdout().trim()).toAbsolutePath().normalize());
        Path dir = real(backupDir.toAbsolutePath().normalize());
        if (!dir.startsWith(workTree)) {
            return;
        }
        // trailing slash: lets directory-only patterns such as "target/" match a directory not created yet
        ExternalTool.Result ignored = git.get().run(List.of("-C", workTree.toString(), "check-ignore", "-q", "--",
                workTree.relativize(dir).toString().replace('\\', '/') + "/"), Map.of(), null, l -> { }, l -> { });
        if (ignored.exitCode() == 0) {
            return;
        }
        throw new BackupException("the backup directory " + dir + " is inside the git work tree " + workTree
                + " and git does not ignore it: a database dump could be committed. Add it to .gitignore, or use a"
                + " directory outside the work tree (-Dtestguard.backupDir=<dir>, default ~/.testguard/backups/...).");
    }

    /** The path with symbolic links resolved as far as it exists (the backup directory may not exist yet). */
    private static Path real(Path path) {
        Path probe = path;
        while (probe != null && !java.nio.file.Files.exists(probe)) {
            probe = probe.getParent();
        }
        if (probe == null) {
            return path;
        }
        try {
            return probe.toRealPath().resolve(probe.relativize(path)).normalize();
        } catch (java.io.IOException e) {
            return path;
        }
    }
}
