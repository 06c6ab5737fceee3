package dev.testguard.discovery.config;

import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.SourcedValue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One source of configuration values (a document of a file, the fork's system properties, its environment)
 * with an optional name mapping: an environment layer finds {@code spring.datasource.url} under
 * {@code SPRING_DATASOURCE_URL}, a relaxed layer finds {@code jdbc-url} under {@code jdbcUrl}.
 */
public final class PropertyLayer {

    private final String name;
    private final Map<String, SourcedValue> values;
    private final Function<String, List<String>> candidateNames;
    private final int ordinal;
    private final Function<String, String> normalizer;
    private final Map<String, SourcedValue> normalized = new LinkedHashMap<>();

    private PropertyLayer(String name, Map<String, SourcedValue> values, Function<String, List<String>> candidateNames,
                          int ordinal, Function<String, String> normalizer) {
        this.name = name;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.candidateNames = candidateNames;
        this.ordinal = ordinal;
        this.normalizer = normalizer;
        if (normalizer != null) {
            values.forEach((k, v) -> normalized.put(normalizer.apply(k), v));
        }
    }

    private PropertyLayer(String name, Map<String, SourcedValue> values, Function<String, List<String>> candidateNames,
                          int ordinal) {
        this(name, values, candidateNames, ordinal, null);
    }

    /** A layer whose keys are looked up as written. */
    public static PropertyLayer exact(String name, Map<String, SourcedValue> values) {
        return new PropertyLayer(name, values, List::of, 0);
    }

    /** A layer whose keys are looked up under every name {@code candidateNames} gives, in order. */
    public static PropertyLayer mapped(String name, Map<String, SourcedValue> values,
                                       Function<String, List<String>> candidateNames) {
        return new PropertyLayer(name, values, candidateNames, 0);
    }

    /** One document of a file; {@code howToChange} gives the advice for a key. */
    public static PropertyLayer document(ConfigDocument document, Path file, String displayPath,
                                         Function<String, String> howToChange,
                                         Function<String, List<String>> candidateNames) {
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        for (ConfigEntry e : document.entries()) {
            values.put(e.key(), new SourcedValue(e.value(),
                    Provenance.file(file, displayPath, e.line(), howToChange.apply(e.key()))));
        }
        return new PropertyLayer(displayPath, values, candidateNames, 0);
    }

    /** This layer with a priority number (higher wins), for frameworks that order sources by ordinal. */
    public PropertyLayer withOrdinal(int newOrdinal) {
        return new PropertyLayer(name, values, candidateNames, newOrdinal, normalizer);
    }

    /** This layer, also finding a key written in another spelling with the same normal form (relaxed binding). */
    public PropertyLayer withNormalizer(Function<String, String> newNormalizer) {
        return new PropertyLayer(name, values, candidateNames, ordinal, newNormalizer);
    }

    /** The value for {@code key}, or null. */
    public SourcedValue get(String key) {
        SourcedValue direct = values.get(key);
        if (direct != null) {
            return direct;
        }
        for (String candidate : candidateNames.apply(key)) {
            SourcedValue v = values.get(candidate);
            if (v != null) {
                return v;
            }
        }
        return normalizer == null ? null : normalized.get(normalizer.apply(key));
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public String name() {
        return name;
    }

    public int ordinal() {
        return ordinal;
    }
}
