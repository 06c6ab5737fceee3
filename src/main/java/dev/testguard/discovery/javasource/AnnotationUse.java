package dev.testguard.discovery.javasource;

import java.nio.file.Path;
import java.util.Map;

/**
 * One annotation in source: {@code @TestPropertySource(properties = "a=b")}.
 *
 * @param name       the simple name ({@code TestPropertySource}, also when written fully qualified)
 * @param line       1-based line of the {@code @}
 * @param attributes element values by name; a single unnamed value is {@code value}
 * @param file       the source file it is written in, or null when unknown
 * @param via        for an annotation found on a composed annotation, that annotation as {@code @DevDatabase}
 *                   (nested ones as {@code @Inner on @Outer}); null when written on the type itself
 */
public record AnnotationUse(String name, int line, Map<String, AnnotationValue> attributes, Path file, String via) {

    public AnnotationUse {
        attributes = Map.copyOf(attributes);
    }

    public AnnotationUse(String name, int line, Map<String, AnnotationValue> attributes) {
        this(name, line, attributes, null, null);
    }

    public AnnotationValue attribute(String attribute) {
        return attributes.get(attribute);
    }

    /** The value of the first of {@code names} that is set, or null. */
    public AnnotationValue firstOf(String... names) {
        for (String n : names) {
            if (attributes.containsKey(n)) {
                return attributes.get(n);
            }
        }
        return null;
    }

    /** This annotation with other attribute values (constants resolved). */
    public AnnotationUse withAttributes(Map<String, AnnotationValue> resolved) {
        return new AnnotationUse(name, line, resolved, file, via);
    }
}
