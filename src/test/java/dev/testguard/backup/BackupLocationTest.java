package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupLocationTest {

    @TempDir
    Path tmp;

    @Test
    void defaultIsPerProjectUnderTheHomeDirectory() {
        Path home = Path.of("/home/ann");
        assertThat(BackupLocation.resolve(null, Path.of("/work/shop"), "com.acme", "shop", home)).isEqualTo(Path.of("/home/ann/.testguard/backups/com.acme/shop"));
        assertThat(BackupLocation.resolve(" ", Path.of("/work/shop"), null, null, home)).isEqualTo(Path.of("/home/ann/.testguard/backups/_standalone"));
        assertThat(BackupLocation.resolve("/srv/backups", Path.of("/work/shop"), "com.acme", "shop", home)).isEqualTo(Path.of("/srv/backups"));
    }

    @Test
    void relativeBackupDirIsResolvedAgainstTheModuleNotTheShell() {
        Path home = Path.of("/home/ann");
        assertThat(BackupLocation.resolve("target/backups", Path.of("/work/shop/orders"), "com.acme", "orders", home))
                .isEqualTo(Path.of("/work/shop/orders/target/backups"));
        assertThat(BackupLocation.resolve("../backups", Path.of("/work/shop/orders"), "com.acme", "orders", home))
                .isEqualTo(Path.of("/work/shop/backups"));
    }

    @Test
    void refusesADirectoryGitWouldCommit() throws Exception {
        Path project = tmp.resolve("project");
        Files.createDirectories(project);
        git(project, "init", "-q");
        Files.writeString(project.resolve(".gitignore"), "target/\n");
        assertThatThrownBy(() -> BackupLocation.checkNotCommittable(project.resolve("backups"), project))
                .isInstanceOf(BackupException.class).hasMessageContaining("inside the git work tree")
                .hasMessageContaining(".gitignore").hasMessageContaining("-Dtestguard.backupDir");
        assertThatCode(() -> BackupLocation.checkNotCommittable(project.resolve("target/testguard-backups"), project))
                .doesNotThrowAnyException();
        assertThatCode(() -> BackupLocation.checkNotCommittable(tmp.resolve("elsewhere"), project)).doesNotThrowAnyException();
    }

    @Test
    void allowedWithoutAWorkTree() {
        Path project = tmp.resolve("plain");
        assertThatCode(() -> BackupLocation.checkNotCommittable(project.resolve("backups"), project)).doesNotThrowAnyException();
        assertThatCode(() -> BackupLocation.checkNotCommittable(project.resolve("backups"), null)).doesNotThrowAnyException();
    }

    private static void git(Path dir, String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        assertThat(new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start().waitFor()).isZero();
    }
}
