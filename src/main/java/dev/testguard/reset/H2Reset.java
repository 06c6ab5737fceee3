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
import java.util.Optional;

/**
 * H2 file databases: a reset deletes the database's files and lets H2 create an empty one. A baseline is a copy of
 * the closed {@code .mv.db} file next to it ({@code <name>__tgbase.mv.db}, info in {@code <name>__tgbase.baseline.json});
 * restoring copies it back. Measured against {@code SCRIPT}/{@code RUNSCRIPT}, the copy is many times faster.
 */
final class H2Reset implements VendorReset {

    private static final List<String> SUFFIXES = List.of(".mv.db", ".h2.db", ".trace.db", ".lock.db", ".temp.db");
    private final Path baseDir;

    H2Reset(Path baseDir) {
        this.baseDir = baseDir;
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
        Path data = file.withSuffix(".mv.db");
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

    @Override
    public Optional<BaselineInfo> baseline(DatabaseTarget database) throws SQLException {
        EmbeddedFile file = EmbeddedFile.of(database, baseDir);
        if (!Files.exists(baselineData(file))) {
            return Optional.empty();
        }
        return Optional.of(EmbeddedBaselines.readInfo(baselineInfo(file)));
    }

    @Override
    public void restoreBaseline(DatabaseTarget baselineOf, DatabaseTarget into) throws SQLException {
        EmbeddedFile from = EmbeddedFile.of(baselineOf, baseDir);
        EmbeddedFile to = EmbeddedFile.of(into, baseDir);
        deleteFiles(to);
        try {
            Files.copy(baselineData(from), to.withSuffix(".mv.db"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new SQLException("cannot copy the baseline " + baselineData(from) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void dropBaseline(DatabaseTarget database) throws SQLException {
        EmbeddedFile file = EmbeddedFile.of(database, baseDir);
        EmbeddedBaselines.delete(baselineData(file), baselineInfo(file));
    }

    @Override
    public boolean exists(DatabaseTarget target) throws SQLException {
        return Files.exists(EmbeddedFile.of(target, baseDir).withSuffix(".mv.db"));
    }

    @Override
    public DatabaseTarget connectable(DatabaseTarget target) throws SQLException {
        return EmbeddedFile.of(target, baseDir).target();
    }

    private static void deleteFiles(EmbeddedFile file) throws SQLException {
        EmbeddedFile.requireClosed(file.withSuffix(".mv.db"), "H2 database");
        for (String suffix : SUFFIXES) {
            try {
                Files.deleteIfExists(file.withSuffix(suffix));
            } catch (IOException e) {
                throw new SQLException("cannot delete " + file.withSuffix(suffix) + ": " + e.getMessage(), e);
            }
        }
    }

    private static Path baselineData(EmbeddedFile file) {
        return file.withSuffix(BaselineNames.SUFFIX + ".mv.db");
    }

    private static Path baselineInfo(EmbeddedFile file) {
        return file.withSuffix(BaselineNames.SUFFIX + ".baseline.json");
    }
}
