package dev.testguard.discovery.javasource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A class (or interface, enum, record) in a source file with its annotations and annotated members.
 *
 * @param file       the source file
 * @param name       simple name
 * @param superclass simple name of what it {@code extends}, or null
 * @param isAbstract declared {@code abstract} (or an interface): never run as a test class itself
 * @param line       1-based line of the declaration keyword
 */
public record TypeDeclaration(Path file, String name, String superclass, boolean isAbstract, int line,
                              List<AnnotationUse> annotations, List<MemberDeclaration> members) {

    public TypeDeclaration {
        annotations = List.copyOf(annotations);
        members = List.copyOf(members);
    }

    public Optional<AnnotationUse> annotation(String simpleName) {
        return annotations.stream().filter(a -> a.name().equals(simpleName)).findFirst();
    }

    public List<AnnotationUse> annotations(String simpleName) {
        return annotations.stream().filter(a -> a.name().equals(simpleName)).toList();
    }
}
