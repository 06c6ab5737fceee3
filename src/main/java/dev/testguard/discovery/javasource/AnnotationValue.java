package dev.testguard.discovery.javasource;

import java.util.List;

/**
 * One element value of an annotation as written: the string literals it holds (one per array item or
 * concatenation, {@code "a" + "b"} joined) and the raw expression text ({@code Replace.NONE}, {@code Foo.class}).
 *
 * @param strings  the string values, in order, each with the line it starts on; empty when none is a literal
 * @param raw      the expression text, tokens joined by spaces
 * @param constant true when every item is made of literals only (no constant or method reference to resolve)
 */
public record AnnotationValue(List<Literal> strings, String raw, boolean constant) {

    /** A string value and the 1-based line of its first literal. */
    public record Literal(String value, int line) {
    }

    public AnnotationValue {
        strings = List.copyOf(strings);
    }

    /** The string values alone. */
    public List<String> values() {
        return strings.stream().map(Literal::value).toList();
    }
}
