package dev.testguard.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptReaderTest {

    private static List<String> split(String script) throws Exception {
        SqlScriptReader reader = new SqlScriptReader(new StringReader(script));
        List<String> out = new ArrayList<>();
        for (String s; (s = reader.next()) != null; ) {
            out.add(s);
        }
        return out;
    }

    @Test
    void delimitersInsideQuotesBackticksAndCommentsDoNotSplit() throws Exception {
        assertThat(split("INSERT INTO `a;b` VALUES ('x;y', \"p;q\", 'it\\'s; \\\\', 'doubled '';');\n"
                + "/* block; comment */ SELECT 1;\n"
                + "-- line; comment\n# hash; comment\nSELECT 2; SELECT 3;"))
                .containsExactly("INSERT INTO `a;b` VALUES ('x;y', \"p;q\", 'it\\'s; \\\\', 'doubled '';')",
                        "/* block; comment */ SELECT 1", "SELECT 2", "SELECT 3");
    }

    @Test
    void delimiterCommandCarriesTriggerBodies() throws Exception {
        assertThat(split("SET x=1;\nDELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN\n"
                + "  SET NEW.v = ';;'; SET NEW.w = 2;\nEND\n;;\nDELIMITER ;\nSELECT 4;\n"))
                .containsExactly("SET x=1", "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN\n"
                        + "  SET NEW.v = ';;'; SET NEW.w = 2;\nEND", "SELECT 4");
    }

    @Test
    void multiLineStringsAndTrailingStatementWithoutDelimiter() throws Exception {
        assertThat(split("INSERT INTO t VALUES ('line1\nDELIMITER $$\nline3');\nSELECT 5"))
                .containsExactly("INSERT INTO t VALUES ('line1\nDELIMITER $$\nline3')", "SELECT 5");
    }

    @Test
    void executableCommentsAreKept() throws Exception {
        assertThat(split("/*!40101 SET NAMES utf8mb4 */;\n/*M!999999\\- enable the sandbox mode */\nSELECT 6;"))
                .containsExactly("/*!40101 SET NAMES utf8mb4 */", "/*M!999999\\- enable the sandbox mode */\nSELECT 6");
    }

    /**
     * Linear splits 5 x 2 MB in about a second (five on a loaded 2-core machine); anything quadratic in the line's
     * length copies some 10^12 characters and takes many minutes. The bound sits between the two, far from both.
     */
    @Test
    void longLinesSplitInLinearTime() throws Exception {
        StringBuilder sb = new StringBuilder("INSERT INTO t VALUES ");
        for (int i = 0; i < 200_000; i++) {
            sb.append(i == 0 ? "" : ",").append("('v").append(i).append("')");
        }
        sb.append(";\n");
        String script = sb.toString().repeat(5);
        List<String> statements = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> split(script),
                "5 x 2 MB not split within 60 s: quadratic in the line's length?");
        assertThat(statements).hasSize(5);
    }

    private static List<SqlStatement> statements(String script, SqlDialect dialect) throws Exception {
        SqlScriptReader reader = new SqlScriptReader(new StringReader(script), dialect);
        List<SqlStatement> out = new ArrayList<>();
        for (SqlStatement s; (s = reader.nextStatement()) != null; ) {
            out.add(s);
        }
        return out;
    }

    @Test
    void postgresDollarQuotedBodiesAndEscapeStringsStayWhole() throws Exception {
        String fn = "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  PERFORM 1; RETURN 2;\nEND;\n$$ LANGUAGE plpgsql";
        String tagged = "DO $body$ BEGIN RAISE NOTICE 'a;b $$ c'; END $body$";
        assertThat(statements("-- header; comment\n" + fn + ";\n" + tagged + ";\nSELECT E'it\\'s;', 'x\\', $1;\n"
                + "/* outer /* inner; */ still; */ SELECT 3;", SqlDialect.POSTGRESQL))
                .containsExactly(new SqlStatement(fn, 2), new SqlStatement(tagged, 7),
                        new SqlStatement("SELECT E'it\\'s;', 'x\\', $1", 8),
                        new SqlStatement("/* outer /* inner; */ still; */ SELECT 3", 9));
    }

    @Test
    void postgresHashAndBacktickAreOrdinaryCharacters() throws Exception {
        assertThat(statements("SELECT '#;' AS a;\nSELECT 1 # 2;", SqlDialect.POSTGRESQL))
                .extracting(SqlStatement::sql).containsExactly("SELECT '#;' AS a", "SELECT 1 # 2");
    }

    @Test
    void sqliteTriggerBodiesStayWhole() throws Exception {
        String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE b SET n = n + 1;\n  DELETE FROM c;\nEND";
        assertThat(statements("CREATE TABLE a(x);\n\n" + trigger + ";\nINSERT INTO a VALUES (1);", SqlDialect.SQLITE))
                .containsExactly(new SqlStatement("CREATE TABLE a(x)", 1), new SqlStatement(trigger, 3),
                        new SqlStatement("INSERT INTO a VALUES (1)", 7));
    }

    @Test
    void linesCountFromOneAndSkipBlankLinesAndComments() throws Exception {
        assertThat(statements("\n\n-- c\n  SELECT 1;  SELECT\n 2;", SqlDialect.H2))
                .containsExactly(new SqlStatement("SELECT 1", 4), new SqlStatement("SELECT\n 2", 4));
    }
}
