package dev.testguard.discovery.javasource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one annotation starting at its {@code @}: name, then element values of any nesting. Also reads a field's
 * initializer ({@code "jdbc:" + HOST}) the same way, so constants can be resolved later.
 */
final class AnnotationParser {

    private final List<JavaToken> tokens;
    private final Path file;
    private int pos;

    AnnotationParser(List<JavaToken> tokens, int start, Path file) {
        this.tokens = tokens;
        this.pos = start;
        this.file = file;
    }

    /** The expression starting at {@code start} up to the {@code ;} that ends a field declaration. */
    static AnnotationValue initializer(List<JavaToken> tokens, int start) {
        return new AnnotationParser(tokens, start, null).value();
    }

    int position() {
        return pos;
    }

    AnnotationUse parse() {
        int line = tokens.get(pos).line();
        pos++;
        String name = tokens.get(pos).text();
        pos++;
        while (at(".") && pos + 1 < tokens.size() && tokens.get(pos + 1).isIdentifier()) {
            name = tokens.get(pos + 1).text();
            pos += 2;
        }
        Map<String, AnnotationValue> attributes = new LinkedHashMap<>();
        if (at("(")) {
            pos++;
            arguments(attributes);
        }
        return new AnnotationUse(name, line, attributes, file, null);
    }

    private void arguments(Map<String, AnnotationValue> attributes) {
        while (pos < tokens.size() && !at(")")) {
            String attribute = "value";
            if (tokens.get(pos).isIdentifier() && pos + 1 < tokens.size() && tokens.get(pos + 1).is("=")) {
                attribute = tokens.get(pos).text();
                pos += 2;
            }
            attributes.put(attribute, value());
            if (at(",")) {
                pos++;
            }
        }
        pos++;
    }

    /** An element value: an array {@code {...}}, a nested annotation, or an expression up to {@code ,} or {@code )}. */
    private AnnotationValue value() {
        if (at("{")) {
            pos++;
            List<AnnotationValue.Literal> strings = new ArrayList<>();
            List<String> raw = new ArrayList<>();
            List<List<AnnotationValue.Term>> items = new ArrayList<>();
            boolean constant = true;
            while (pos < tokens.size() && !at("}") && !at(";")) {
                AnnotationValue item = value();
                strings.addAll(item.strings());
                raw.add(item.raw());
                items.addAll(item.items());
                constant &= item.constant();
                if (at(",")) {
                    pos++;
                }
            }
            pos++;
            return new AnnotationValue(strings, "{" + String.join(", ", raw) + "}", constant, items);
        }
        if (at("@")) {
            AnnotationUse nested = parse();
            return new AnnotationValue(List.of(), "@" + nested.name(), false);
        }
        return expression();
    }

    /**
     * An expression up to {@code ,}, {@code )}, {@code }} or {@code ;} at its own level: its literal value when it is
     * made of string literals alone, and its terms (literals and constant names joined by {@code +}) for later resolution.
     */
    private AnnotationValue expression() {
        int nesting = 0;
        StringBuilder concatenated = null;
        int literalLine = 0;
        boolean constant = true;
        List<String> raw = new ArrayList<>();
        List<AnnotationValue.Term> terms = new ArrayList<>();
        boolean termsOnly = true;
        for (; pos < tokens.size(); pos++) {
            JavaToken t = tokens.get(pos);
            if (nesting == 0 && (t.is(",") || t.is(")") || t.is("}") || t.is(";"))) {
                break;
            }
            nesting += t.is("(") || t.is("{") ? 1 : t.is(")") || t.is("}") ? -1 : 0;
            raw.add(t.source());
            if (t.kind() == JavaToken.Kind.STRING && nesting == 0) {
                literalLine = concatenated == null ? t.line() : literalLine;
                concatenated = (concatenated == null ? new StringBuilder() : concatenated).append(t.text());
                terms.add(new AnnotationValue.Term(t.text(), null, t.line()));
            } else if (!t.is("+")) {
                constant = false;
                termsOnly &= nesting == 0 && t.isIdentifier() && reference(terms, raw, t);
            }
        }
        List<AnnotationValue.Literal> strings = concatenated == null || !constant
                ? List.of() : List.of(new AnnotationValue.Literal(concatenated.toString(), literalLine));
        List<List<AnnotationValue.Term>> items = new ArrayList<>();
        items.add(termsOnly && !terms.isEmpty() ? terms : null);
        return new AnnotationValue(strings, String.join(" ", raw), constant, items);
    }

    /** Reads {@code A.B.C} starting at identifier {@code first} (the current token) as one constant reference. */
    private boolean reference(List<AnnotationValue.Term> terms, List<String> raw, JavaToken first) {
        StringBuilder name = new StringBuilder(first.text());
        while (pos + 2 < tokens.size() && tokens.get(pos + 1).is(".") && tokens.get(pos + 2).isIdentifier()) {
            name.append('.').append(tokens.get(pos + 2).text());
            raw.add(".");
            raw.add(tokens.get(pos + 2).text());
            pos += 2;
        }
        terms.add(new AnnotationValue.Term(null, name.toString(), first.line()));
        return true;
    }

    private boolean at(String symbol) {
        return pos < tokens.size() && tokens.get(pos).is(symbol);
    }
}
