package dev.testguard.discovery.javasource;

import java.util.Map;

/**
 * One annotation in source: {@code @TestPropertySource(properties = "a=b")}.
 *
 * @param name       the simple name ({@code TestPropertySource}, also when written fully qualified)
 * @param line       1-based line of the {@code @}
 * @param attributes element values by name; a single unnamed value is {@code value}
 */
public record AnnotationUse(String name, int line, Map<String, AnnotationValue> attributes) {

    public AnnotationUse {
        attributes = Map.copyOf(attributes);
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
}
