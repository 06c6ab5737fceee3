package dev.testguard.sql;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a SQL script into statements the way the vendor's own client does, remembering the line each
 * statement starts on so errors can name {@code file:line}. Delimiters inside quotes, quoted identifiers
 * and comments never split. Per {@link SqlDialect}: MySQL honours backslash escapes, backticks, {@code #}
 * comments and {@code DELIMITER xx} lines (how dumps carry trigger bodies); PostgreSQL honours dollar
 * quoting ({@code $$ ... $$}, {@code $tag$ ... $tag$}), {@code E'...'} escapes and nested block comments;
 * SQLite keeps {@code CREATE TRIGGER ... BEGIN ...; END} whole. Line comments are dropped; block comments
 * are kept because MySQL's {@code /*!...*}{@code /} ones execute. Streams: only the statement being read is
 * held in memory.
 */
public final class SqlScriptReader {

    private enum State { NORMAL, SINGLE, DOUBLE, BACKTICK, BLOCK_COMMENT, DOLLAR }

    private static final Pattern SQLITE_TRIGGER = Pattern.compile(
            "^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ENDS_WITH_END = Pattern.compile("(?s).*\\bEND\\s*$", Pattern.CASE_INSENSITIVE);

    private final Reader in;
    private final SqlDialect dialect;
    private final Deque<SqlStatement> ready = new ArrayDeque<>();
    private final StringBuilder statement = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private String delimiter = ";";
    private State state = State.NORMAL;
    private boolean backslashEscapes;
    private String dollarTag;
    private int commentDepth;
    private boolean eof;
    private int lineNumber;
    private int statementLine;
    private boolean started;
    private final char[] buf = new char[1 << 16];
    private int bufPos;
    private int bufLen;

    /** A MySQL/MariaDB script reader (what backups and restores of MySQL use). */
    public SqlScriptReader(Reader in) {
        this(in, SqlDialect.MYSQL);
    }

    public SqlScriptReader(Reader in, SqlDialect dialect) {
        this.in = in;
        this.dialect = dialect;
    }

    /** The next statement's text without its delimiter, or null at the end of the script. */
    public String next() throws IOException {
        SqlStatement s = nextStatement();
        return s == null ? null : s.sql();
    }

    /** The next statement with the 1-based line it starts on, or null at the end of the script. */
    public SqlStatement nextStatement() throws IOException {
        while (ready.isEmpty() && !eof) {
            if (!readLine()) {
                eof = true;
                emit();
                break;
            }
            lineNumber++;
            consumeLine();
        }
        return ready.poll();
    }

    private void emit() {
        String s = statement.toString().strip();
        statement.setLength(0);
        started = false;
        if (!s.isEmpty()) {
            ready.add(new SqlStatement(s, statementLine));
        }
    }

    private boolean readLine() throws IOException {
        line.setLength(0);
        while (true) {
            if (bufPos == bufLen) {
                bufLen = in.read(buf);
                bufPos = 0;
                if (bufLen <= 0) {
                    bufLen = 0;
                    return line.length() > 0;
                }
            }
            int start = bufPos;
            while (bufPos < bufLen && buf[bufPos] != '\n') {
                bufPos++;
            }
            if (bufPos < bufLen) {
                bufPos++;
                line.append(buf, start, bufPos - start);
                return true;
            }
            line.append(buf, start, bufPos - start);
        }
    }

    private void append(char c) {
        if (!started) {
            if (Character.isWhitespace(c)) {
                return;
            }
            started = true;
            statementLine = lineNumber;
        }
        statement.append(c);
    }

    private void append(String s) {
        for (int k = 0; k < s.length(); k++) {
            append(s.charAt(k));
        }
    }

    private void consumeLine() {
        if (dialect == SqlDialect.MYSQL && state == State.NORMAL && !started) {
            String trimmed = line.toString().strip();
            if (trimmed.regionMatches(true, 0, "DELIMITER", 0, 9)
                    && (trimmed.length() == 9 || Character.isWhitespace(trimmed.charAt(9)))) {
                String d = trimmed.substring(9).strip();
                if (!d.isEmpty()) {
                    delimiter = d;
                }
                statement.setLength(0);
                return;
            }
        }
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            switch (state) {
                case NORMAL -> {
                    if (c == delimiter.charAt(0) && n - i >= delimiter.length()
                            && line.substring(i, i + delimiter.length()).equals(delimiter) && !insideSqliteTrigger()) {
                        emit();
                        i += delimiter.length();
                        continue;
                    }
                    if (isLineComment(c, i, n)) {
                        if (started) {
                            statement.append('\n');
                        }
                        return; // rest of the line is a comment
                    }
                    if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                        state = State.BLOCK_COMMENT;
                        commentDepth = 1;
                        append("/*");
                        i += 2;
                        continue;
                    }
                    if (c == '$' && dialect != SqlDialect.MYSQL) {
                        String tag = dollarTagAt(i);
                        if (tag != null) {
                            state = State.DOLLAR;
                            dollarTag = tag;
                            append(tag);
                            i += tag.length();
                            continue;
                        }
                    }
                    if (c == '\'') {
                        state = State.SINGLE;
                        backslashEscapes = dialect == SqlDialect.MYSQL || escapeStringPrefix();
                    } else if (c == '"') {
                        state = State.DOUBLE;
                        backslashEscapes = dialect == SqlDialect.MYSQL;
                    } else if (c == '`' && dialect == SqlDialect.MYSQL) {
                        state = State.BACKTICK;
                    }
                    append(c);
                }
                case SINGLE, DOUBLE -> {
                    statement.append(c);
                    if (c == '\\' && backslashEscapes && i + 1 < n) {
                        statement.append(line.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if ((c == '\'' && state == State.SINGLE) || (c == '"' && state == State.DOUBLE)) {
                        state = State.NORMAL;
                    }
                }
                case BACKTICK -> {
                    statement.append(c);
                    if (c == '`') {
                        state = State.NORMAL;
                    }
                }
                case DOLLAR -> {
                    if (c == '$' && i + dollarTag.length() <= n && line.substring(i, i + dollarTag.length()).equals(dollarTag)) {
                        statement.append(dollarTag);
                        i += dollarTag.length();
                        state = State.NORMAL;
                        continue;
                    }
                    statement.append(c);
                }
                case BLOCK_COMMENT -> {
                    if (c == '*' && i + 1 < n && line.charAt(i + 1) == '/') {
                        statement.append("*/");
                        i += 2;
                        // PostgreSQL block comments nest; MySQL's and the standard's do not
                        if (dialect != SqlDialect.POSTGRESQL || --commentDepth == 0) {
                            state = State.NORMAL;
                        }
                        continue;
                    }
                    if (dialect == SqlDialect.POSTGRESQL && c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                        commentDepth++;
                        statement.append("/*");
                        i += 2;
                        continue;
                    }
                    statement.append(c);
                }
            }
            i++;
        }
    }

    private boolean isLineComment(char c, int i, int n) {
        if (dialect == SqlDialect.MYSQL) {
            return c == '#' || (c == '-' && i + 1 < n && line.charAt(i + 1) == '-'
                    && (i + 2 >= n || Character.isWhitespace(line.charAt(i + 2))));
        }
        return c == '-' && i + 1 < n && line.charAt(i + 1) == '-';
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, unless the {@code $} continues an identifier or a {@code $1} parameter. */
    private String dollarTagAt(int i) {
        if (statement.length() > 0) {
            char before = statement.charAt(statement.length() - 1);
            if (Character.isLetterOrDigit(before) || before == '_' || before == '$') {
                return null;
            }
        }
        int j = i + 1;
        while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
            j++;
        }
        if (j < line.length() && line.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(line.charAt(i + 1)))) {
            return line.substring(i, j + 1);
        }
        return null;
    }

    /** PostgreSQL {@code E'...'} strings take backslash escapes. */
    private boolean escapeStringPrefix() {
        if (dialect != SqlDialect.POSTGRESQL || statement.length() == 0) {
            return false;
        }
        int last = statement.length() - 1;
        char e = statement.charAt(last);
        if (e != 'E' && e != 'e') {
            return false;
        }
        return last == 0 || !(Character.isLetterOrDigit(statement.charAt(last - 1)) || statement.charAt(last - 1) == '_');
    }

    private boolean insideSqliteTrigger() {
        if (dialect != SqlDialect.SQLITE || !SQLITE_TRIGGER.matcher(statement).matches()) {
            return false;
        }
        String upper = statement.toString().toUpperCase(Locale.ROOT);
        return upper.contains("BEGIN") && !ENDS_WITH_END.matcher(statement).matches();
    }
}
