package dev.testguard.reset;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Secrets;
import dev.testguard.sql.SqlDialect;
import dev.testguard.sql.SqlScriptReader;
import dev.testguard.sql.SqlStatement;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/** Runs SQL files in order against a freshly reset database; a failure names the file and line. */
public final class InitScripts {

    private final Path baseDir;

    /** @param baseDir what script paths (and error messages) are relative to */
    public InitScripts(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** Returns the number of statements executed. */
    public int run(DatabaseTarget target, List<Path> scripts) throws ResetException {
        if (scripts.isEmpty()) {
            return 0;
        }
        SqlDialect dialect = SqlDialect.of(target.url().vendor());
        int count = 0;
        try (Connection c = Connections.open(target, Duration.ofSeconds(10))) {
            c.setAutoCommit(true);
            for (Path script : scripts) {
                count += run(c, target, baseDir.resolve(script), dialect);
            }
        } catch (SQLException e) {
            throw new ResetException("testguard cannot connect to " + target + " to run the init scripts: "
                    + Secrets.maskText(e.getMessage(), target.effectiveCredentials()), e);
        }
        return count;
    }

    private int run(Connection c, DatabaseTarget target, Path script, SqlDialect dialect) throws ResetException {
        String shown = display(script);
        if (!Files.isRegularFile(script)) {
            throw new ResetException("init script " + shown + " does not exist. Fix <initScripts> in the testguard plugin"
                    + " configuration (paths are relative to the project directory).");
        }
        int count = 0;
        try (Reader in = Files.newBufferedReader(script, StandardCharsets.UTF_8); Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            SqlScriptReader reader = new SqlScriptReader(in, dialect);
            for (SqlStatement s; (s = reader.nextStatement()) != null; ) {
                try {
                    st.execute(s.sql());
                } catch (SQLException e) {
                    throw new ResetException("init script " + shown + ":" + s.line() + " failed on " + target + ": "
                            + Secrets.maskText(e.getMessage(), target.effectiveCredentials())
                            + "\n  statement: " + abbreviate(s.sql())
                            + "\nFix that statement and run reset again: the database was reset, and the statements"
                            + " before this one have run.", e);
                }
                count++;
            }
        } catch (IOException e) {
            throw new ResetException("cannot read init script " + shown + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new ResetException("cannot run init script " + shown + " on " + target + ": " + e.getMessage(), e);
        }
        return count;
    }

    private String display(Path script) {
        Path abs = script.toAbsolutePath().normalize();
        return abs.startsWith(baseDir.toAbsolutePath().normalize())
                ? baseDir.toAbsolutePath().normalize().relativize(abs).toString() : abs.toString();
    }

    private static String abbreviate(String sql) {
        String one = sql.replaceAll("\\s+", " ");
        return one.length() <= 160 ? one : one.substring(0, 160) + "...";
    }
}
