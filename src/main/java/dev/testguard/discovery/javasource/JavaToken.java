package dev.testguard.discovery.javasource;

/**
 * One token of Java source: an identifier or keyword, a string literal (its value, escapes and text-block
 * indentation already processed), or any other single symbol or literal.
 *
 * @param kind what it is
 * @param text the identifier, the string's value, or the symbol
 * @param line 1-based line where it starts
 */
public record JavaToken(Kind kind, String text, int line) {

    public enum Kind { IDENTIFIER, STRING, SYMBOL, OTHER }

    boolean is(String symbol) {
        return kind != Kind.STRING && text.equals(symbol);
    }

    boolean isIdentifier() {
        return kind == Kind.IDENTIFIER;
    }

    /** The token as written (strings quoted again), for raw expression text. */
    String source() {
        return kind == Kind.STRING ? '"' + text + '"' : text;
    }
}
