package dev.testguard.backup.mysql;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Splits a MySQL script into statements the way the {@code mysql}/{@code mariadb} client does:
 * delimiters inside quotes, backticks and comments do not count, backslash escapes inside strings are
 * honoured, and {@code DELIMITER xx} lines change the delimiter (how dumps carry trigger and routine
 * bodies). Line comments are dropped; block comments are kept because {@code /*!...*}{@code /} ones execute.
 * Streams: only the statement being read is held in memory.
 */
final class SqlScriptReader {

    private enum State { NORMAL, SINGLE, DOUBLE, BACKTICK, BLOCK_COMMENT }

    private final Reader in;
    private final Deque<String> ready = new ArrayDeque<>();
    private final StringBuilder statement = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private String delimiter = ";";
    private State state = State.NORMAL;
    private boolean eof;
    private final char[] buf = new char[1 << 16];
    private int bufPos;
    private int bufLen;

    SqlScriptReader(Reader in) {
        this.in = in;
    }

    /** The next statement without its delimiter, or null at the end of the script. */
    String next() throws IOException {
        while (ready.isEmpty() && !eof) {
            if (!readLine()) {
                eof = true;
                String rest = statement.toString().strip();
                statement.setLength(0);
                if (!rest.isEmpty()) {
                    ready.add(rest);
                }
                break;
            }
            consumeLine();
        }
        return ready.poll();
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

    private void consumeLine() {
        if (state == State.NORMAL && statement.toString().isBlank()) {
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
                    if (c == delimiter.charAt(0) && line.length() - i >= delimiter.length()
                            && line.substring(i, i + delimiter.length()).equals(delimiter)) {
                        String s = statement.toString().strip();
                        statement.setLength(0);
                        if (!s.isEmpty()) {
                            ready.add(s);
                        }
                        i += delimiter.length();
                        continue;
                    }
                    if (c == '#' || (c == '-' && i + 1 < n && line.charAt(i + 1) == '-'
                            && (i + 2 >= n || Character.isWhitespace(line.charAt(i + 2))))) {
                        statement.append('\n');
                        return; // rest of the line is a comment
                    }
                    if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                        state = State.BLOCK_COMMENT;
                        statement.append("/*");
                        i += 2;
                        continue;
                    }
                    if (c == '\'') {
                        state = State.SINGLE;
                    } else if (c == '"') {
                        state = State.DOUBLE;
                    } else if (c == '`') {
                        state = State.BACKTICK;
                    }
                    statement.append(c);
                }
                case SINGLE, DOUBLE -> {
                    statement.append(c);
                    if (c == '\\' && i + 1 < n) {
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
                case BLOCK_COMMENT -> {
                    if (c == '*' && i + 1 < n && line.charAt(i + 1) == '/') {
                        statement.append("*/");
                        state = State.NORMAL;
                        i += 2;
                        continue;
                    }
                    statement.append(c);
                }
            }
            i++;
        }
    }
}
