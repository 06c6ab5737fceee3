package dev.testguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup goals' store: a relative backupDir belongs to the module, wherever the shell stands. */
class BackupStoresTest {

    @TempDir
    Path work;

    private MavenProject module(Path dir) {
        MavenProject project = new MavenProject();
        project.setGroupId("com.acme");
        project.setArtifactId("orders");
        project.setFile(new File(dir.toFile(), "pom.xml"));
        return project;
    }

    @Test
    void relativeBackupDirIsUnderTheModulesBasedirNotTheWorkingDirectory() throws Exception {
        Path moduleDir = work.resolve("shop/orders");
        assertThat(BackupStores.of("target/backups", module(moduleDir)).root())
                .isEqualTo(moduleDir.resolve("target/backups").toAbsolutePath().normalize());
        assertThat(BackupStores.of("../backups", module(moduleDir)).root())
                .isEqualTo(work.resolve("shop/backups").toAbsolutePath().normalize());
        assertThat(Path.of("").toAbsolutePath()).isNotEqualTo(moduleDir);
    }

    @Test
    void withoutAProjectARelativeBackupDirIsUnderTheWorkingDirectory() throws Exception {
        assertThat(BackupStores.of("some/backups", null).root())
                .isEqualTo(Path.of("some/backups").toAbsolutePath().normalize());
    }
}
