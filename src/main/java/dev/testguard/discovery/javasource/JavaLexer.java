package dev.testguard.discovery.javasource;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Java source text into tokens, dropping comments and whitespace. It knows just enough Java to read
 * annotations: string literals, text blocks, char literals and comments never leak into the token stream.
 */
final class JavaLexer {

    private final String src;
    private final List<JavaToken> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;

    private JavaLexer(String src) {
        this.src = src;
    }

    static List<JavaToken> tokenize(String source) {
        JavaLexer lexer = new JavaLexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (src.startsWith("//", pos)) {
                skipUntil("\n", false);
            } else if (src.startsWith("/*", pos)) {
                pos += 2;
                skipUntil("*/", true);
            } else if (src.startsWith("\"\"\"", pos)) {
                textBlock();
            } else if (c == '"' || c == '\'') {
                quoted(c);
            } else if (Character.isJavaIdentifierStart(c)) {
                identifier();
            } else if (Character.isDigit(c)) {
                number();
            } else {
                tokens.add(new JavaToken(JavaToken.Kind.SYMBOL, String.valueOf(c), line));
                pos++;
            }
        }
    }

    private void skipUntil(String end, boolean consumeEnd) {
        int found = src.indexOf(end, pos);
        int stop = found < 0 ? src.length() : found + (consumeEnd ? end.length() : 0);
        countLines(pos, stop);
        pos = stop;
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private void identifier() {
        int start = pos;
        while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
            pos++;
        }
        tokens.add(new JavaToken(JavaToken.Kind.IDENTIFIER, src.substring(start, pos), line));
    }

    private void number() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.'
                || src.charAt(pos) == '_')) {
            pos++;
        }
        tokens.add(new JavaToken(JavaToken.Kind.OTHER, src.substring(start, pos), line));
    }

    private void quoted(char quote) {
        int startLine = line;
        int start = ++pos;
        while (pos < src.length() && src.charAt(pos) != quote && src.charAt(pos) != '\n') {
            pos += src.charAt(pos) == '\\' ? 2 : 1;
        }
        String raw = src.substring(start, Math.min(pos, src.length()));
        pos++;
        JavaToken.Kind kind = quote == '"' ? JavaToken.Kind.STRING : JavaToken.Kind.OTHER;
        tokens.add(new JavaToken(kind, kind == JavaToken.Kind.STRING ? unescape(raw) : "'" + raw + "'", startLine));
    }

    /** A text block's value starts on the line after the opening quotes; its line is that first content line. */
    private void textBlock() {
        int startLine = line + 1;
        int start = src.indexOf('\n', pos + 3);
        int end = start < 0 ? -1 : findTextBlockEnd(start);
        if (end < 0) {
            countLines(pos, src.length());
            pos = src.length();
            return;
        }
        String raw = src.substring(start + 1, end);
        countLines(pos, end + 3);
        pos = end + 3;
        tokens.add(new JavaToken(JavaToken.Kind.STRING, unescape(raw.stripIndent()), startLine));
    }

    private int findTextBlockEnd(int from) {
        for (int i = from; i < src.length() - 2; i++) {
            if (src.charAt(i) == '\\') {
                i++;
            } else if (src.startsWith("\"\"\"", i)) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String raw) {
        try {
            return raw.replace("\\\n", "").translateEscapes();
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
