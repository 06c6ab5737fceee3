package dev.testguard.discovery.javasource;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the types of one Java source file with their annotations, and the annotated fields and methods in their
 * bodies, without compiling anything. Annotations inside method bodies and parameter lists are not reported.
 */
public final class JavaSourceScanner {

    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");

    private final Path file;
    private final List<JavaToken> tokens;
    private final List<TypeDeclaration> done = new ArrayList<>();
    private final Deque<OpenType> open = new ArrayDeque<>();
    private List<AnnotationUse> pending = new ArrayList<>();
    private int depth;
    private int parentheses;
    private int pos;

    /** A type whose body is being read: its members so far and the brace depth of its body. */
    private record OpenType(String name, String superclass, boolean isAbstract, int line, List<AnnotationUse> annotations,
                            List<MemberDeclaration> members, int bodyDepth, String enclosing, String keyword,
                            Map<String, Constant> constants) {
    }

    private JavaSourceScanner(Path file, String source) {
        this.file = file;
        this.tokens = JavaLexer.tokenize(source);
    }

    /** Every type declared in {@code source}, nested ones included, in the order their bodies end. */
    public static List<TypeDeclaration> scan(Path file, String source) {
        JavaSourceScanner scanner = new JavaSourceScanner(file, source);
        scanner.run();
        return scanner.done;
    }

    private void run() {
        int declarationStart = 0;
        while (pos < tokens.size()) {
            JavaToken t = tokens.get(pos);
            boolean atDeclarationLevel = parentheses == 0 && (open.isEmpty() || depth == open.peek().bodyDepth());
            if (t.is("@") && atDeclarationLevel && next(1).isIdentifier() && !next(1).text().equals("interface")) {
                pending.add(annotation());
                declarationStart = pos;
            } else if (t.isIdentifier() && TYPE_KEYWORDS.contains(t.text()) && atDeclarationLevel && !previousIs(".")) {
                openType(declarationStart);
                declarationStart = pos;
            } else if (atDeclarationLevel && !open.isEmpty() && (t.is(";") || t.is("{") || t.is("="))) {
                member(declarationStart);
                declarationStart = pos;
            } else {
                pos++;
                closeOrOpenBrace(t);
                if (t.is("}") || t.is(";")) {
                    declarationStart = pos;
                }
            }
        }
    }

    private void closeOrOpenBrace(JavaToken t) {
        if (t.is("(")) {
            parentheses++;
        } else if (t.is(")")) {
            parentheses = Math.max(0, parentheses - 1);
        } else if (t.is("{")) {
            depth++;
        } else if (t.is("}")) {
            depth--;
            if (!open.isEmpty() && depth < open.peek().bodyDepth()) {
                OpenType o = open.pop();
                done.add(new TypeDeclaration(file, o.name(), o.superclass(), o.isAbstract(), o.line(), o.annotations(),
                        o.members(), o.enclosing(), o.keyword().equals("@interface"), o.constants()));
            }
        }
    }

    private void openType(int declarationStart) {
        JavaToken keyword = tokens.get(pos);
        String kind = previousIs("@") ? "@interface" : keyword.text();
        boolean isAbstract = keyword.text().equals("interface") || hasModifier(declarationStart, "abstract");
        String name = next(1).text();
        String superclass = null;
        pos += 2;
        while (pos < tokens.size() && !tokens.get(pos).is("{") && !tokens.get(pos).is(";")) {
            if (tokens.get(pos).is("extends") && superclass == null && next(1).isIdentifier()) {
                superclass = qualifiedNameAt(pos + 1);
            }
            pos++;
        }
        if (pos < tokens.size() && tokens.get(pos).is("{")) {
            depth++;
            String enclosing = open.isEmpty() ? null : open.peek().name();
            open.push(new OpenType(name, superclass, isAbstract, keyword.line(), pending, new ArrayList<>(), depth,
                    enclosing, kind, new LinkedHashMap<>()));
        }
        pos++;
        pending = new ArrayList<>();
    }

    /** A field ({@code ;} or {@code =}) or a method ({@code {}) at type-body level; skips to its end. */
    private void member(int declarationStart) {
        JavaToken end = tokens.get(pos);
        String declaration = join(declarationStart, pos);
        int line = tokens.get(Math.min(declarationStart, pos)).line();
        String body = "";
        if (end.is("=")) {
            constant(declarationStart);
            int stop = skipBalancedUntil(";");
            declaration = declaration + " = " + join(pos + 1, stop);
            pos = stop + 1;
        } else if (end.is("{")) {
            int stop = skipBalancedUntil("}");
            body = join(pos + 1, stop);
            pos = stop + 1;
        } else {
            pos++;
        }
        if (!pending.isEmpty()) {
            MemberDeclaration.Kind kind = end.is("{") ? MemberDeclaration.Kind.METHOD : MemberDeclaration.Kind.FIELD;
            open.peek().members().add(new MemberDeclaration(kind, pending, declaration, body, line));
        }
        pending = new ArrayList<>();
    }

    /**
     * Records a {@code static final String NAME = ...} field (any {@code String} field of an interface) whose {@code =}
     * is the current token.
     */
    private void constant(int declarationStart) {
        OpenType type = open.peek();
        int nameAt = pos - 1;
        boolean implicit = type.keyword().equals("interface") || type.keyword().equals("@interface");
        if (nameAt - 1 < declarationStart || !tokens.get(nameAt).isIdentifier() || !tokens.get(nameAt - 1).is("String")
                || !(implicit || hasModifier(declarationStart, "static") && hasModifier(declarationStart, "final"))) {
            return;
        }
        String name = tokens.get(nameAt).text();
        type.constants().put(name, new Constant(name, AnnotationParser.initializer(tokens, pos + 1), tokens.get(nameAt).line()));
    }

    /** The index of {@code closer} that ends the current construct, skipping nested braces and parentheses. */
    private int skipBalancedUntil(String closer) {
        int nesting = 0;
        int i = closer.equals("}") ? pos + 1 : pos;
        for (; i < tokens.size(); i++) {
            JavaToken t = tokens.get(i);
            if (t.is("{") || t.is("(")) {
                nesting++;
            } else if ((t.is("}") || t.is(")")) && nesting > 0) {
                nesting--;
            } else if (nesting == 0 && t.is(closer)) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    private AnnotationUse annotation() {
        AnnotationParser parser = new AnnotationParser(tokens, pos, file);
        AnnotationUse use = parser.parse();
        pos = parser.position();
        return use;
    }

    private boolean hasModifier(int from, String modifier) {
        for (int i = from; i < pos; i++) {
            if (tokens.get(i).isIdentifier() && tokens.get(i).text().equals(modifier)) {
                return true;
            }
        }
        return false;
    }

    private String qualifiedNameAt(int index) {
        String name = tokens.get(index).text();
        for (int i = index + 1; i + 1 < tokens.size() && tokens.get(i).is(".") && tokens.get(i + 1).isIdentifier(); i += 2) {
            name = tokens.get(i + 1).text();
        }
        return name;
    }

    private JavaToken next(int offset) {
        int i = pos + offset;
        return i < tokens.size() ? tokens.get(i) : new JavaToken(JavaToken.Kind.OTHER, "", 0);
    }

    private boolean previousIs(String symbol) {
        return pos > 0 && tokens.get(pos - 1).is(symbol);
    }

    private String join(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, from); i < Math.min(to, tokens.size()); i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(tokens.get(i).source());
        }
        return sb.toString();
    }
}
