package dev.testguard.backup.mysql;

import dev.testguard.backup.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Warns, naming them, about tables a single-transaction dump cannot snapshot consistently. */
final class ConsistencyWarning {

    private ConsistencyWarning() {
    }

    /** Returns the offending tables ({@code name (ENGINE)}), after reporting them. */
    static List<String> check(Connection c, String database, Progress progress) throws SQLException {
        List<String> tables = MysqlCatalog.nonTransactionalTables(c, database);
        if (!tables.isEmpty()) {
            progress.report("WARNING: " + tables.size() + " table(s) of " + database + " are not InnoDB, so the backup"
                    + " cannot take a consistent snapshot of them: " + String.join(", ", tables)
                    + ". Stop writes to them during the backup, or convert them with ALTER TABLE ... ENGINE=InnoDB.");
        }
        return tables;
    }
}
