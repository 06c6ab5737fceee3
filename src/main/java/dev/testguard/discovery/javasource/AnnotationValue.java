package dev.testguard.discovery.javasource;

import java.util.List;

/**
 * One element value of an annotation (or a constant's initializer) as written: the string literals it holds (one per
 * array item or concatenation, {@code "a" + "b"} joined) and the raw expression text ({@code Replace.NONE},
 * {@code Foo.class}).
 *
 * @param strings  the string values, in order, each with the line it starts on; empty when none is a literal
 * @param raw      the expression text, tokens joined by spaces
 * @param constant true when every item is made of literals only (no constant or method reference to resolve)
 * @param items    each item as written: string literals and constant references joined by {@code +}; an item that
 *                 holds anything else (a method call, a number) is null
 */
public record AnnotationValue(List<Literal> strings, String raw, boolean constant, List<List<Term>> items) {

    /**
     * A string value and the 1-based line of its first literal (or constant reference).
     *
     * @param via the constants it was built from, as {@code DbUrls.DEV (src/main/java/a/DbUrls.java:5)}, or null
     */
    public record Literal(String value, int line, String via) {

        public Literal(String value, int line) {
            this(value, line, null);
        }
    }

    /** A string literal ({@code reference} null) or a constant reference ({@code DEV}, {@code DbUrls.DEV}). */
    public record Term(String literal, String reference, int line) {
    }

    public AnnotationValue {
        strings = List.copyOf(strings);
        items = items.stream().map(i -> i == null ? null : List.copyOf(i)).toList();
    }

    public AnnotationValue(List<Literal> strings, String raw, boolean constant) {
        this(strings, raw, constant, List.of());
    }

    /** The string values alone. */
    public List<String> values() {
        return strings.stream().map(Literal::value).toList();
    }
}
