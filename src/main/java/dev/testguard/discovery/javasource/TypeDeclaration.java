package dev.testguard.discovery.javasource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A class (or interface, enum, record) in a source file with its annotations and annotated members.
 *
 * @param file       the source file
 * @param name       simple name
 * @param superclass simple name of what it {@code extends}, or null
 * @param isAbstract declared {@code abstract} (or an interface): never run as a test class itself
 * @param line       1-based line of the declaration keyword
 * @param enclosing  simple name of the type it is declared in, or null for a top-level type
 * @param annotationType declared with {@code @interface}: its own annotations apply wherever it is used
 * @param constants  its {@code String} constants by name
 */
public record TypeDeclaration(Path file, String name, String superclass, boolean isAbstract, int line,
                              List<AnnotationUse> annotations, List<MemberDeclaration> members, String enclosing,
                              boolean annotationType, Map<String, Constant> constants) {

    public TypeDeclaration {
        annotations = List.copyOf(annotations);
        members = List.copyOf(members);
        constants = Map.copyOf(constants);
    }

    /** This type with other annotations (constants resolved, composed annotations expanded). */
    public TypeDeclaration withAnnotations(List<AnnotationUse> resolved) {
        return new TypeDeclaration(file, name, superclass, isAbstract, line, resolved, members, enclosing, annotationType,
                constants);
    }

    /** True when a member carries one of {@code simpleNames} ({@code Test}, {@code ParameterizedTest}...). */
    public boolean hasMemberAnnotated(java.util.Collection<String> simpleNames) {
        return members.stream().anyMatch(m -> m.annotations().stream().anyMatch(a -> simpleNames.contains(a.name())));
    }

    public Optional<AnnotationUse> annotation(String simpleName) {
        return annotations.stream().filter(a -> a.name().equals(simpleName)).findFirst();
    }

    public List<AnnotationUse> annotations(String simpleName) {
        return annotations.stream().filter(a -> a.name().equals(simpleName)).toList();
    }
}
