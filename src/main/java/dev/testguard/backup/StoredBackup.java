package dev.testguard.backup;

import java.nio.file.Path;

/** A complete backup in the store: its directory and manifest. */
public record StoredBackup(Path directory, Manifest manifest) {

    public String id() {
        return manifest.id();
    }

    public Path payload() {
        return directory.resolve(manifest.payload());
    }
}
