package dev.testguard.probe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * MySQL's and MariaDB's live checks in one statement: the database, whether it holds the stamp table
 * ({@link MysqlStampStore}), the row estimate ({@link RowEstimates}) and the server identity
 * ({@link ServerIdentities}). The stamp rows take a second statement, only when the table exists (naming a missing
 * table fails the whole statement). On MySQL the statistics cache is switched off first, as the step-by-step read
 * does; MariaDB has no such cache, and knows neither that variable nor {@code @@server_uuid}, so its uuid is looked
 * up where a missing variable is no error.
 */
final class MysqlLiveRead {

    private static final String MYSQL_UUID = "SELECT @@server_uuid";
    private static final String MARIADB_UUID = "SELECT VARIABLE_VALUE FROM information_schema.SESSION_VARIABLES"
            + " WHERE VARIABLE_NAME = 'SERVER_UUID'";

    private MysqlLiveRead() {
    }

    /**
     * From the handshake, without a round trip. A connection that cannot tell (the runtime guard's JDBC view of an
     * R2DBC connection) is taken for MariaDB: that statement fails on MySQL 8, and the reads go step by step.
     */
    private static boolean isMysqlServer(Connection connection) {
        try {
            return !connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
        } catch (SQLException e) {
            return false;
        }
    }

    private static String facts(String serverUuid) {
        return "SELECT DATABASE(), EXISTS(" + MysqlStampStore.TABLE_ROW + "), (" + RowEstimates.MYSQL + "),"
                + " (" + serverUuid + "), " + ServerIdentities.MARIADB_SERVER_COLUMNS;
    }

    static Optional<LiveReading.Values> read(Connection connection) throws SQLException {
        boolean mysql = isMysqlServer(connection);
        if (mysql) {
            RowEstimates.freshMysqlStatistics(connection);
        }
        String database;
        boolean stampTable;
        Long rows;
        String server;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(facts(mysql ? MYSQL_UUID : MARIADB_UUID))) {
            rs.next();
            database = rs.getString(1);
            stampTable = rs.getLong(2) != 0;
            rows = database == null ? null : rs.getLong(3);
            server = ServerIdentities.hasUuid(rs.getString(4)) ? ServerIdentities.mysqlServer(rs.getString(4))
                    : ServerIdentities.mariadbServer(rs.getString(5), rs.getString(6), rs.getString(7));
        }
        Stamp stamp = stampTable ? new MysqlStampStore().readRows(connection).orElse(null) : null;
        return Optional.of(new LiveReading.Values(stamp, rows, new ServerIdentity(server, database == null ? "" : database)));
    }
}
