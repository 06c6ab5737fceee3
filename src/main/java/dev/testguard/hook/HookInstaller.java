package dev.testguard.hook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Installs and removes testguard's block in the pre-commit hook of the git repository holding a project. One hook per
 * repository, at the git root (or in {@code core.hooksPath}); an existing hook keeps everything it had.
 */
public final class HookInstaller {

    private final Git git;

    public HookInstaller(Git git) {
        this.git = git;
    }

    /** Adds (or updates) the block; returns what happened, for the log. */
    public String install(HookCommand command) throws HookException {
        Path hook = hookFile();
        Optional<String> existing = read(hook);
        String updated = HookFile.install(existing, HookBlock.lines(command));
        write(hook, updated);
        if (existing.isEmpty()) {
            return "created " + hook;
        }
        return (HookFile.hasBlock(existing.get()) ? "updated the testguard block in " : "added a testguard block to the existing ")
                + hook + " (the rest of the hook is unchanged)";
    }

    /** Removes the block, the hook file when nothing else remains in it, and the hook's class-data cache. */
    public String uninstall() throws HookException {
        String removed = removeHookBlock();
        Path cache = git.gitDirectory().resolve(HookBlock.CACHE_DIRECTORY);
        if (!Files.isDirectory(cache, LinkOption.NOFOLLOW_LINKS)) {
            return removed;
        }
        deleteTree(cache);
        return removed + "; removed the hook's class-data cache " + cache;
    }

    private String removeHookBlock() throws HookException {
        Path hook = hookFile();
        Optional<String> existing = read(hook);
        if (existing.isEmpty() || !HookFile.hasBlock(existing.get())) {
            return "no testguard block in " + hook + ": nothing to remove";
        }
        Optional<String> rest = HookFile.uninstall(existing.get());
        if (rest.isEmpty()) {
            delete(hook);
            return "removed " + hook + " (it held only the testguard block)";
        }
        write(hook, rest.get());
        return "removed the testguard block from " + hook + " (the rest of the hook is unchanged)";
    }

    /** The pre-commit hook file git will run for this repository. */
    public Path hookFile() throws HookException {
        return git.hooksDirectory().resolve("pre-commit");
    }

    /** The project's directory relative to the git work tree root ("" for the root), as the hook will see it. */
    public String relativeToRoot(Path projectDirectory) throws HookException {
        Path root = git.workTreeRoot();
        Path project;
        try {
            project = projectDirectory.toRealPath();
            root = root.toRealPath();
        } catch (IOException e) {
            throw new HookException("cannot resolve " + projectDirectory + ": " + e.getMessage(), e);
        }
        return root.relativize(project).toString().replace('\\', '/');
    }

    private static Optional<String> read(Path hook) throws HookException {
        if (!Files.exists(hook)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(hook, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new HookException("cannot read " + hook + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path hook, String content) throws HookException {
        try {
            Files.createDirectories(hook.getParent());
            Path tmp = Files.createTempFile(hook.getParent(), "pre-commit", ".testguard-tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            makeExecutable(tmp);
            Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new HookException("cannot write " + hook + ": " + e.getMessage(), e);
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rwxr-xr-x");
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
    }

    private static void deleteTree(Path directory) throws HookException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new HookException("cannot delete " + directory + ": " + e.getMessage() + ". Delete it by hand.", e);
        }
    }

    private static void delete(Path hook) throws HookException {
        try {
            Files.deleteIfExists(hook);
        } catch (IOException e) {
            throw new HookException("cannot delete " + hook + ": " + e.getMessage(), e);
        }
    }
}
