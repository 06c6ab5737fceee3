package dev.testguard.reset;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * H2 file databases: a reset deletes the database's files and lets H2 create an empty one. A baseline is a copy of
 * the closed {@code .mv.db} file next to it ({@code <name>__tgbase.mv.db}, info in {@code <name>__tgbase.baseline.json});
 * restoring copies it back. Measured against {@code SCRIPT}/{@code RUNSCRIPT}, the copy is many times faster.
 */
final class H2Reset extends EmbeddedFileReset {

    H2Reset(Path baseDir) {
        super(baseDir, ".mv.db", List.of(".mv.db", ".h2.db", ".trace.db", ".lock.db", ".temp.db"));
    }

    @Override
    void beforeDelete(EmbeddedFile file) throws SQLException {
        EmbeddedFile.requireClosed(dataFile(file), "H2 database");
    }

    @Override
    public void wipe(DatabaseTarget target) throws SQLException {
        EmbeddedFile file = EmbeddedFile.of(target, baseDir);
        deleteFiles(file);
        Connections.open(file.target(), Duration.ofSeconds(10)).close();
    }

    @Override
    public void saveBaseline(DatabaseTarget source, BaselineInfo info) throws SQLException {
        EmbeddedFile file = EmbeddedFile.of(source, baseDir);
        Path data = dataFile(file);
        if (!Files.exists(data)) {
            throw new SQLException("H2 database " + data + " does not exist: nothing to save as a baseline");
        }
        EmbeddedFile.requireClosed(data, "H2 database");
        Path base = baselineData(file);
        try {
            Files.copy(data, base, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(baselineInfo(file), info.toJson());
        } catch (IOException e) {
            throw new SQLException("cannot copy " + data + " to " + base + ": " + e.getMessage(), e);
        }
    }
}
