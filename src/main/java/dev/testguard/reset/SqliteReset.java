package dev.testguard.reset;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * SQLite: a reset deletes the database file and its journal/WAL companions and leaves an empty file. A baseline is
 * written with {@code VACUUM INTO} (consistent even while another connection has the file open, and compact) to
 * {@code <file>__tgbase}, info in {@code <file>__tgbase.baseline.json}; restoring is a plain file copy.
 */
final class SqliteReset implements VendorReset {

    private static final List<String> COMPANIONS = List.of("", "-wal", "-shm", "-journal");
    private final Path baseDir;

    SqliteReset(Path baseDir) {
        this.baseDir = baseDir;
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
            Files.copy(baselineData(from), to.location(), StandardCopyOption.REPLACE_EXISTING);
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
        return Files.exists(EmbeddedFile.of(target, baseDir).withSuffix(""));
    }

    @Override
    public DatabaseTarget connectable(DatabaseTarget target) throws SQLException {
        return EmbeddedFile.of(target, baseDir).target();
    }

    private static void deleteFiles(EmbeddedFile file) throws SQLException {
        for (String suffix : COMPANIONS) {
            Path p = file.withSuffix(suffix);
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new SQLException("cannot delete " + p + ": " + e.getMessage(), e);
            }
        }
    }

    private static Path baselineData(EmbeddedFile file) {
        return file.withSuffix(BaselineNames.SUFFIX);
    }

    private static Path baselineInfo(EmbeddedFile file) {
        return file.withSuffix(BaselineNames.SUFFIX + ".baseline.json");
    }
}
