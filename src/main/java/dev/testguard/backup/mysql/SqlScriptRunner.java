package dev.testguard.backup.mysql;

import dev.testguard.backup.BackupException;
import dev.testguard.backup.Progress;
import dev.testguard.sql.SqlScriptReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Executes a MySQL script over JDBC, one statement at a time, as the mariadb client would. */
final class SqlScriptRunner {

    private static final int ER_EMPTY_QUERY = 1065;

    private SqlScriptRunner() {
    }

    /** Returns the number of statements executed. */
    static long run(InputStream script, Connection c, String what, Progress progress) throws BackupException {
        ProgressTicker ticker = new ProgressTicker(progress);
        SqlScriptReader reader = new SqlScriptReader(new InputStreamReader(script, StandardCharsets.UTF_8));
        long count = 0;
        String sql = null;
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false); // data may hold {fn ...} or {d ...}: never let the driver rewrite it
            while ((sql = reader.next()) != null) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    if (e.getErrorCode() != ER_EMPTY_QUERY) {
                        throw e;
                    }
                }
                count++;
                long done = count;
                ticker.tick(() -> "restore of " + what + ": " + done + " statements");
            }
        } catch (IOException e) {
            throw new BackupException("cannot read the backup payload of " + what + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupException("restore of " + what + " failed at statement " + (count + 1) + " ("
                    + abbreviate(sql) + "): " + e.getMessage()
                    + ". The target database is partly restored: drop it and restore again into an empty one.", e);
        }
        progress.report("restore of " + what + ": " + count + " statements executed");
        return count;
    }

    private static String abbreviate(String sql) {
        if (sql == null) {
            return "";
        }
        String one = sql.replaceAll("\\s+", " ");
        return one.length() <= 120 ? one : one.substring(0, 120) + "...";
    }
}
