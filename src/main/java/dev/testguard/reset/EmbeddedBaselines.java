package dev.testguard.reset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;

/** The side files of embedded baselines. */
final class EmbeddedBaselines {

    private EmbeddedBaselines() {
    }

    static BaselineInfo readInfo(Path infoFile) {
        try {
            BaselineInfo info = Files.exists(infoFile) ? BaselineInfo.fromJson(Files.readString(infoFile)) : null;
            return info == null ? new BaselineInfo("unknown", Instant.EPOCH, null, null) : info;
        } catch (IOException e) {
            return new BaselineInfo("unknown", Instant.EPOCH, null, null);
        }
    }

    static void delete(Path... files) throws SQLException {
        for (Path p : files) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new SQLException("cannot delete " + p + ": " + e.getMessage(), e);
            }
        }
    }
}
