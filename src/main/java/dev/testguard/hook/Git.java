package dev.testguard.hook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The few questions testguard asks the {@code git} command line about the repository holding a directory. */
public final class Git {

    private final String executable;
    private final Path directory;

    public Git(String executable, Path directory) {
        this.executable = executable;
        this.directory = directory;
    }

    public static Git at(Path directory) {
        return new Git("git", directory);
    }

    /** The top of the work tree holding the directory. */
    public Path workTreeRoot() throws HookException {
        String out = run("rev-parse", "--show-toplevel")
                .orElseThrow(() -> new HookException(directory + " is not inside a git work tree."
                        + " Run install-hook inside a clone (git init or git clone first)."));
        return Path.of(out).toAbsolutePath().normalize();
    }

    /** Where git looks for hooks: {@code core.hooksPath} if set (relative to the work tree root), else the repository's hooks directory. */
    public Path hooksDirectory() throws HookException {
        Path root = workTreeRoot();
        Optional<String> configured = run("config", "--get", "core.hooksPath");
        if (configured.isPresent() && !configured.get().isBlank()) {
            String value = configured.get();
            Path p = value.startsWith("~/") ? Path.of(System.getProperty("user.home"), value.substring(2)) : Path.of(value);
            return root.resolve(p).toAbsolutePath().normalize();
        }
        String common = run("rev-parse", "--path-format=absolute", "--git-common-dir")
                .orElseThrow(() -> new HookException("git cannot name the repository directory of " + directory));
        return directory.resolve(common).resolve("hooks").toAbsolutePath().normalize();
    }

    /** The git directory of the work tree holding the directory (a linked work tree has its own). */
    public Path gitDirectory() throws HookException {
        String out = run("rev-parse", "--absolute-git-dir")
                .orElseThrow(() -> new HookException("git cannot name the git directory of " + directory));
        return Path.of(out).toAbsolutePath().normalize();
    }

    /** Runs git; the trimmed standard output when it exits 0, empty when it exits non-zero. */
    Optional<String> run(String... args) throws HookException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new HookException("git " + String.join(" ", args) + " did not finish within 30 s in " + directory);
            }
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            throw new HookException("cannot run git (" + e.getMessage() + "). Install git and put it on the PATH.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HookException("interrupted while running git", e);
        }
    }
}
