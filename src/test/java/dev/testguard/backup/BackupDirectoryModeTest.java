package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: -Dtestguard.backupDir naming a shared sticky directory turned it (through a link too) into 0700. */
class BackupDirectoryModeTest {

    @TempDir
    Path tmp;

    @Test
    void aStickySharedDirectoryKeepsItsModeAndGetsAPrivateBackupDirectoryInside() throws Exception {
        Path shared = directory("shared", "1777");

        Path root = takeLock(shared.toString());

        assertThat(mode(shared)).isEqualTo(01777);
        assertThat(root).isEqualTo(shared.resolve(PrivateDirectory.SUBDIRECTORY));
        assertThat(mode(root)).isEqualTo(0700);
    }

    @Test
    void aLinkToAStickyDirectoryChangesNothingBehindTheLink() throws Exception {
        Path shared = directory("shared", "1777");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), shared);

        Path root = takeLock(link.toString());

        assertThat(mode(shared)).isEqualTo(01777);
        assertThat(root).isEqualTo(link.resolve(PrivateDirectory.SUBDIRECTORY));
        assertThat(mode(shared.resolve(PrivateDirectory.SUBDIRECTORY))).isEqualTo(0700);
    }

    @Test
    void theUsersOwnOpenDirectoryKeepsItsMode() throws Exception {
        Path mine = directory("mine", "755");

        Path root = takeLock(mine.toString());

        assertThat(mode(mine)).isEqualTo(0755);
        assertThat(mode(root)).isEqualTo(0700);
    }

    @Test
    void aDirectoryTestguardCreatesIsUsedAsItIsAndIsPrivate() throws Exception {
        Path fresh = tmp.resolve("fresh");

        assertThat(takeLock(fresh.toString())).isEqualTo(fresh);
        assertThat(mode(fresh)).isEqualTo(0700);
        assertThat(takeLock(fresh.toString())).as("the same directory the next time").isEqualTo(fresh);
    }

    @Test
    void aWorldWritableDirectoryWithoutTheStickyBitIsRefused() throws Exception {
        Path open = directory("open", "777");

        assertThatThrownBy(() -> takeLock(open.toString())).isInstanceOf(BackupException.class)
                .hasMessageContaining("writable by every user and not sticky").hasMessageContaining("chmod +t");
        assertThat(mode(open)).isEqualTo(0777);
        assertThat(open.resolve(PrivateDirectory.SUBDIRECTORY)).doesNotExist();
    }

    private Path takeLock(String override) throws BackupException {
        Path root = BackupLocation.resolve(override, tmp, "com.acme", "shop", tmp.resolve("home"));
        BackupStore store = new BackupStore(root);
        try (StoreLock lock = store.lock(Duration.ofSeconds(5), line -> { })) {
            return root;
        }
    }

    private Path directory(String name, String mode) throws IOException, InterruptedException {
        Path dir = Files.createDirectory(tmp.resolve(name));
        Process chmod = new ProcessBuilder("chmod", mode, dir.toString()).inheritIO().start();
        assertThat(chmod.waitFor()).isZero();
        return dir;
    }

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode") & 07777;
    }
}
