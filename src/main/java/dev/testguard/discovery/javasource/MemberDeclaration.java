package dev.testguard.discovery.javasource;

import java.util.List;

/**
 * A field or method of a type, with its annotations.
 *
 * @param kind        field or method
 * @param declaration the tokens of the declaration after the annotations, joined by spaces (a field's initializer
 *                    included, a method's header up to its body)
 * @param body        a method's body text (tokens joined by spaces, strings quoted), empty for fields
 * @param line        1-based line of the declaration
 */
public record MemberDeclaration(Kind kind, List<AnnotationUse> annotations, String declaration, String body, int line) {

    public enum Kind { FIELD, METHOD }

    public MemberDeclaration {
        annotations = List.copyOf(annotations);
    }

    public boolean isAnnotated(String simpleName) {
        return annotations.stream().anyMatch(a -> a.name().equals(simpleName));
    }
}
