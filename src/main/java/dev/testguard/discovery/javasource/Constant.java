package dev.testguard.discovery.javasource;

/**
 * A {@code static final String} field (or a {@code String} field of an interface) with its initializer as written.
 *
 * @param name  the field's name
 * @param value its initializer: literals and other constants joined by {@code +}, a text block...
 * @param line  1-based line of the declaration
 */
public record Constant(String name, AnnotationValue value, int line) {
}
