package dev.testguard.discovery.javasource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses one annotation starting at its {@code @}: name, then element values of any nesting. */
final class AnnotationParser {

    private final List<JavaToken> tokens;
    private int pos;

    AnnotationParser(List<JavaToken> tokens, int start) {
        this.tokens = tokens;
        this.pos = start;
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
        return new AnnotationUse(name, line, attributes);
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
            boolean constant = true;
            while (pos < tokens.size() && !at("}")) {
                AnnotationValue item = value();
                strings.addAll(item.strings());
                raw.add(item.raw());
                constant &= item.constant();
                if (at(",")) {
                    pos++;
                }
            }
            pos++;
            return new AnnotationValue(strings, "{" + String.join(", ", raw) + "}", constant);
        }
        if (at("@")) {
            AnnotationUse nested = parse();
            return new AnnotationValue(List.of(), "@" + nested.name(), false);
        }
        return expression();
    }

    private AnnotationValue expression() {
        int nesting = 0;
        StringBuilder concatenated = null;
        int literalLine = 0;
        boolean constant = true;
        List<String> raw = new ArrayList<>();
        for (; pos < tokens.size(); pos++) {
            JavaToken t = tokens.get(pos);
            if (nesting == 0 && (t.is(",") || t.is(")") || t.is("}"))) {
                break;
            }
            nesting += t.is("(") || t.is("{") ? 1 : t.is(")") || t.is("}") ? -1 : 0;
            raw.add(t.source());
            if (t.kind() == JavaToken.Kind.STRING && nesting == 0) {
                literalLine = concatenated == null ? t.line() : literalLine;
                concatenated = (concatenated == null ? new StringBuilder() : concatenated).append(t.text());
            } else if (!t.is("+")) {
                constant = false;
            }
        }
        List<AnnotationValue.Literal> strings = concatenated == null || !constant
                ? List.of() : List.of(new AnnotationValue.Literal(concatenated.toString(), literalLine));
        return new AnnotationValue(strings, String.join(" ", raw), constant);
    }

    private boolean at(String symbol) {
        return pos < tokens.size() && tokens.get(pos).is(symbol);
    }
}
