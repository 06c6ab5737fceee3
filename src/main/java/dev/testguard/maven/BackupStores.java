package dev.testguard.maven;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupLocation;
import dev.testguard.backup.BackupStore;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

/** The backup store of the backup goals, from their {@code backupDir} parameter and the project (if any). */
final class BackupStores {

    private BackupStores() {
    }

    /** A relative {@code backupDir} is resolved against the module's basedir, not the shell's directory. */
    static BackupStore of(String backupDir, MavenProject project) throws MojoFailureException {
        boolean hasProject = project != null && project.getFile() != null;
        Path baseDir = hasProject ? project.getBasedir().toPath() : Path.of("");
        Path dir = BackupLocation.resolve(backupDir, baseDir, hasProject ? project.getGroupId() : null,
                hasProject ? project.getArtifactId() : null, Path.of(System.getProperty("user.home")));
        try {
            BackupLocation.checkNotCommittable(dir, hasProject ? baseDir : null);
        } catch (BackupException e) {
            throw new MojoFailureException("testguard: " + e.getMessage(), e);
        }
        return new BackupStore(dir);
    }
}
