package dev.testguard.hook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Text operations on a pre-commit hook: add or replace testguard's block, remove it. The block goes right after the
 * shebang so that it runs even when the rest of an existing hook ends with {@code exit} or {@code exec}.
 */
public final class HookFile {

    static final String SHEBANG = "#!/bin/sh";

    private HookFile() {
    }

    /** The hook with testguard's block; {@code existing} empty means no hook yet. */
    public static String install(Optional<String> existing, List<String> block) throws HookException {
        if (existing.isEmpty() || existing.get().isBlank()) {
            List<String> out = new ArrayList<>();
            out.add(SHEBANG);
            out.addAll(block);
            return String.join("\n", out) + "\n";
        }
        List<String> lines = new ArrayList<>(existing.get().lines().toList());
        requireShell(lines.get(0));
        List<String> kept = withoutBlock(lines);
        List<String> out = new ArrayList<>();
        out.add(kept.get(0));
        out.addAll(block);
        out.addAll(kept.subList(1, kept.size()));
        return String.join("\n", out) + "\n";
    }

    /** The hook without testguard's block; empty when nothing else than a shebang would remain. */
    public static Optional<String> uninstall(String existing) throws HookException {
        List<String> kept = withoutBlock(existing.lines().toList());
        boolean onlyShebang = kept.stream().skip(1).allMatch(String::isBlank) && kept.get(0).startsWith("#!");
        if (kept.isEmpty() || onlyShebang) {
            return Optional.empty();
        }
        return Optional.of(String.join("\n", kept) + "\n");
    }

    public static boolean hasBlock(String content) {
        return content.lines().anyMatch(l -> l.strip().equals(HookBlock.BEGIN));
    }

    private static void requireShell(String firstLine) throws HookException {
        String s = firstLine.strip();
        if (!s.startsWith("#!")) {
            throw new HookException("the existing pre-commit hook has no #! line, so testguard cannot tell which"
                    + " language it is in. Add '#!/bin/sh' as its first line, or call testguard from it yourself.");
        }
        if (!(s.endsWith("/sh") || s.endsWith("bash") || s.endsWith(" sh") || s.endsWith("/dash") || s.endsWith(" zsh")
                || s.endsWith("/zsh"))) {
            throw new HookException("the existing pre-commit hook is not a shell script (" + s + "): testguard leaves"
                    + " it unchanged. Call 'mvn -o -q -Dtestguard.offline=true -Dtestguard.checkOnly=true testguard:verify'"
                    + " from it yourself.");
        }
    }

    private static List<String> withoutBlock(List<String> lines) throws HookException {
        List<String> kept = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            String s = line.strip();
            if (s.equals(HookBlock.BEGIN)) {
                if (inside) {
                    throw new HookException("the pre-commit hook holds a testguard block that never ends; fix it by hand.");
                }
                inside = true;
            } else if (s.equals(HookBlock.END) && inside) {
                inside = false;
            } else if (!inside) {
                kept.add(line);
            }
        }
        if (inside) {
            throw new HookException("the pre-commit hook holds a testguard block without its end marker ("
                    + HookBlock.END + "); fix it by hand.");
        }
        return kept;
    }
}
