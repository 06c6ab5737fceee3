package it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs in the same build as testguard:backup, after it: the backup is already complete. */
class BackupTakenFirstTest {

    @Test
    void backupIsCompleteBeforeTheTestsRun() throws Exception {
        Path store = Path.of(System.getProperty("testguard.backupDir"));
        String db = System.getProperty("it.db");
        try (Stream<Path> dirs = Files.list(store)) {
            assertTrue(dirs.anyMatch(d -> d.getFileName().toString().endsWith("-" + db)
                    && Files.isRegularFile(d.resolve("manifest.json"))), "no complete backup of " + db + " in " + store);
        }
        Files.writeString(Path.of("target/backup-seen.marker"), db);
    }
}
