package dev.testguard.discovery.javasource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The types of a project's Java sources, by simple name, to read annotations as the compiler would see them: string
 * constants resolved ({@code "spring.datasource.url=" + DbUrls.DEV}, {@code static final String} fields of the same
 * or another source file, concatenations and text blocks included) and composed annotations expanded (an
 * {@code @interface} of the sources that carries {@code @TestPropertySource} lends it to every type it annotates).
 */
public final class SourceIndex {

    private static final int MAX_DEPTH = 16;

    private final Map<String, TypeDeclaration> byName = new LinkedHashMap<>();
    private final Function<Path, String> display;

    /** A constant and the type that declares it. */
    private record Found(TypeDeclaration owner, Constant constant) {
    }

    /** {@code types} in priority order (a simple name seen twice keeps the first); {@code display} shows a file. */
    public SourceIndex(List<TypeDeclaration> types, Function<Path, String> display) {
        types.forEach(t -> byName.putIfAbsent(t.name(), t));
        this.display = display;
    }

    /** {@code type} with its annotations' constants resolved, followed by those its composed annotations lend it. */
    public TypeDeclaration resolve(TypeDeclaration type) {
        List<AnnotationUse> direct = type.annotations().stream().map(a -> resolveConstants(a, type)).toList();
        List<AnnotationUse> all = new ArrayList<>(direct);
        for (AnnotationUse a : direct) {
            lent(a, new HashSet<>(Set.of(type.name())), all);
        }
        return type.withAnnotations(all);
    }

    /** Adds the annotations of {@code a}'s own declaration (when it is an {@code @interface} of the sources), recursively. */
    private void lent(AnnotationUse a, Set<String> seen, List<AnnotationUse> out) {
        TypeDeclaration composed = byName.get(a.name());
        if (composed == null || !composed.annotationType() || !seen.add(composed.name()) || seen.size() > MAX_DEPTH) {
            return;
        }
        String via = "@" + composed.name() + (a.via() == null ? "" : " on " + a.via());
        for (AnnotationUse meta : composed.annotations()) {
            AnnotationUse m = resolveConstants(meta, composed);
            out.add(new AnnotationUse(m.name(), m.line(), m.attributes(), m.file() == null ? composed.file() : m.file(), via));
            lent(new AnnotationUse(m.name(), m.line(), m.attributes(), m.file(), via), seen, out);
        }
    }

    private AnnotationUse resolveConstants(AnnotationUse a, TypeDeclaration context) {
        Map<String, AnnotationValue> resolved = new LinkedHashMap<>();
        a.attributes().forEach((name, value) -> resolved.put(name, resolveValue(value, context)));
        return a.withAttributes(resolved);
    }

    /** The value with each item's constants replaced by their strings; an item that cannot be resolved is left out. */
    AnnotationValue resolveValue(AnnotationValue value, TypeDeclaration context) {
        if (value.constant() || value.items().isEmpty()) {
            return value;
        }
        List<AnnotationValue.Literal> strings = new ArrayList<>();
        for (List<AnnotationValue.Term> item : value.items()) {
            AnnotationValue.Literal literal = item == null ? null : resolveItem(item, context, new HashSet<>());
            if (literal != null) {
                strings.add(literal);
            }
        }
        return new AnnotationValue(strings, value.raw(), value.constant(), value.items());
    }

    private AnnotationValue.Literal resolveItem(List<AnnotationValue.Term> item, TypeDeclaration context, Set<String> seen) {
        StringBuilder text = new StringBuilder();
        List<String> via = new ArrayList<>();
        for (AnnotationValue.Term term : item) {
            if (term.literal() != null) {
                text.append(term.literal());
                continue;
            }
            Found found = find(term.reference(), context);
            String key = found == null ? null : found.owner().name() + "." + found.constant().name();
            if (found == null || !seen.add(key) || seen.size() > MAX_DEPTH) {
                return null;
            }
            List<List<AnnotationValue.Term>> items = found.constant().value().items();
            AnnotationValue.Literal inner = items.size() != 1 || items.get(0) == null ? null
                    : resolveItem(items.get(0), found.owner(), seen);
            if (inner == null) {
                return null;
            }
            text.append(inner.value());
            via.add(key + " (" + display.apply(found.owner().file()) + ":" + found.constant().line() + ")");
        }
        return new AnnotationValue.Literal(text.toString(), item.get(0).line(), via.isEmpty() ? null : String.join(", ", via));
    }

    /**
     * {@code NAME}: a constant of the type, its enclosing types or its superclasses, else the only type of the sources
     * declaring it (a static import); {@code Type.NAME} (also qualified): that type's constant.
     */
    private Found find(String reference, TypeDeclaration context) {
        String[] parts = reference.split("\\.");
        String field = parts[parts.length - 1];
        if (parts.length > 1) {
            TypeDeclaration owner = byName.get(parts[parts.length - 2]);
            return owner == null || !owner.constants().containsKey(field) ? null : new Found(owner, owner.constants().get(field));
        }
        for (TypeDeclaration t : scopes(context)) {
            if (t.constants().containsKey(field)) {
                return new Found(t, t.constants().get(field));
            }
        }
        List<TypeDeclaration> declaring = byName.values().stream().filter(t -> t.constants().containsKey(field)).toList();
        return declaring.size() == 1 ? new Found(declaring.get(0), declaring.get(0).constants().get(field)) : null;
    }

    /** Where a simple name is looked up: the type and its superclasses, then each enclosing type and its superclasses. */
    private List<TypeDeclaration> scopes(TypeDeclaration type) {
        List<TypeDeclaration> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TypeDeclaration outer = type;
        for (int depth = 0; outer != null && depth < MAX_DEPTH; depth++, outer = named(outer.enclosing())) {
            for (TypeDeclaration t = outer; t != null && seen.add(t.name()); t = named(t.superclass())) {
                out.add(t);
            }
        }
        return out;
    }

    private TypeDeclaration named(String simpleName) {
        return simpleName == null ? null : byName.get(simpleName);
    }
}
