package dev.testguard.reset;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * SQLite: a reset deletes the database file and its journal/WAL companions and leaves an empty file. A baseline is
 * written with {@code VACUUM INTO} (consistent even while another connection has the file open, and compact) to
 * {@code <file>__tgbase}, info in {@code <file>__tgbase.baseline.json}; restoring is a plain file copy.
 */
final class SqliteReset extends EmbeddedFileReset {

    SqliteReset(Path baseDir) {
        super(baseDir, "", List.of("", "-wal", "-shm", "-journal"));
    }

    @Override
    public void wipe(DatabaseTarget target) throws SQLException {
        EmbeddedFile file = EmbeddedFile.of(target, baseDir);
        deleteFiles(file);
        try {
            Files.createDirectories(file.location().getParent());
            Files.createFile(file.location());
        } catch (IOException e) {
            throw new SQLException("cannot create " + file.location() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void saveBaseline(DatabaseTarget source, BaselineInfo info) throws SQLException {
        EmbeddedFile file = EmbeddedFile.of(source, baseDir);
        if (!Files.isRegularFile(file.location())) {
            throw new SQLException("SQLite database " + file.location() + " does not exist: nothing to save as a baseline");
        }
        Path base = baselineData(file);
        EmbeddedBaselines.delete(base);
        try (Connection c = Connections.open(file.target(), Duration.ofSeconds(10));
             PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
            ps.setString(1, base.toString());
            ps.execute();
        }
        try {
            Files.writeString(baselineInfo(file), info.toJson());
        } catch (IOException e) {
            throw new SQLException("cannot write " + baselineInfo(file) + ": " + e.getMessage(), e);
        }
    }
}
