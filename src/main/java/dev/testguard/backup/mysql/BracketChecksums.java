package dev.testguard.backup.mysql;

import dev.testguard.backup.Progress;
import dev.testguard.backup.TableChecksums;
import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MysqlAdmin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Content checksums ({@link TableChecksums}, the same ones the JDBC dump and every restore compare) for a dump that a
 * tool takes in its own transaction, whose snapshot we cannot share. A consistent snapshot is read just before the tool
 * starts and another just after it ends; the dump's snapshot lies between them. A table whose checksum is the same
 * in both did not change while the dump ran, so the dump holds exactly that content: its checksum is recorded.
 * A table written to during the dump gets none (it is verified by row count alone), and the progress says so.
 */
final class BracketChecksums {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final DatabaseTarget source;
    private final String database;
    private final Map<String, String> before;

    private BracketChecksums(DatabaseTarget source, String database, Map<String, String> before) {
        this.source = source;
        this.database = database;
        this.before = before;
    }

    /** Reads the first snapshot; call right before the dump starts. */
    static BracketChecksums before(DatabaseTarget source, String database) throws SQLException {
        return new BracketChecksums(source, database, read(source, database));
    }

    /** Reads the second snapshot; call right after the dump ended. The checksums both snapshots agree on. */
    Map<String, String> after(Progress progress) throws SQLException {
        Map<String, String> after = read(source, database);
        Map<String, String> agreed = new TreeMap<>();
        before.forEach((table, sum) -> {
            if (sum.equals(after.get(table))) {
                agreed.put(table, sum);
            }
        });
        List<String> changed = before.keySet().stream().filter(t -> !agreed.containsKey(t)).sorted().toList();
        if (!changed.isEmpty()) {
            progress.report("tables written to while the dump ran, verified by row count only: " + String.join(", ", changed));
        }
        return agreed;
    }

    private static Map<String, String> read(DatabaseTarget source, String database) throws SQLException {
        try (Connection c = Connections.open(source, CONNECT_TIMEOUT)) {
            MysqlAdmin.startConsistentSnapshot(c);
            try {
                return TableChecksums.forSmallTables(c, MysqlAdmin.exactRowCounts(c, database));
            } finally {
                MysqlAdmin.endSnapshot(c);
            }
        }
    }
}
