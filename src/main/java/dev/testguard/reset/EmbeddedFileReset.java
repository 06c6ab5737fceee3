package dev.testguard.reset;

import dev.testguard.db.DatabaseTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What H2 and SQLite resets share: a database is a data file plus companions next to it, a baseline is a copy of the
 * data file ({@code <name>__tgbase<dataSuffix>}, info in {@code <name>__tgbase.baseline.json}), and restoring it is a
 * file copy. Subclasses say how to empty a database and how to take a consistent copy of it.
 */
abstract class EmbeddedFileReset implements VendorReset {

    final Path baseDir;
    private final String dataSuffix;
    private final List<String> companions;

    /**
     * @param dataSuffix what the data file adds to the database's location ({@code .mv.db} for H2, nothing for SQLite)
     * @param companions every file suffix a reset deletes, the data file's included
     */
    EmbeddedFileReset(Path baseDir, String dataSuffix, List<String> companions) {
        this.baseDir = baseDir;
        this.dataSuffix = dataSuffix;
        this.companions = List.copyOf(companions);
    }

    /** Called before the files are deleted, e.g. to refuse a file another process holds open. */
    void beforeDelete(EmbeddedFile file) throws SQLException {
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
            Files.copy(baselineData(from), dataFile(to), StandardCopyOption.REPLACE_EXISTING);
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
        return Files.exists(dataFile(EmbeddedFile.of(target, baseDir)));
    }

    @Override
    public DatabaseTarget connectable(DatabaseTarget target) throws SQLException {
        return EmbeddedFile.of(target, baseDir).target();
    }

    void deleteFiles(EmbeddedFile file) throws SQLException {
        beforeDelete(file);
        for (String suffix : companions) {
            Path p = file.withSuffix(suffix);
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new SQLException("cannot delete " + p + ": " + e.getMessage(), e);
            }
        }
    }

    Path dataFile(EmbeddedFile file) {
        return file.withSuffix(dataSuffix);
    }

    Path baselineData(EmbeddedFile file) {
        return file.withSuffix(BaselineNames.SUFFIX + dataSuffix);
    }

    Path baselineInfo(EmbeddedFile file) {
        return file.withSuffix(BaselineNames.SUFFIX + ".baseline.json");
    }
}
