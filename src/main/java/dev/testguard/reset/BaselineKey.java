package dev.testguard.reset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The key of a baseline: a SHA-256 over the relative path and content of every file under the inputs
 * (directories walked in sorted order; missing inputs count as empty). Changing, adding, removing or renaming a
 * migration changes the key, so a baseline built from older files is recognised as stale.
 */
public final class BaselineKey {

    private BaselineKey() {
    }

    public static String of(Path baseDir, List<Path> inputs) throws ResetException {
        MessageDigest sha = sha256();
        try {
            for (Path input : inputs) {
                Path absolute = baseDir.resolve(input).normalize();
                for (Path file : files(absolute)) {
                    String name = baseDir.relativize(file).toString().replace('\\', '/');
                    sha.update(name.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(Files.readAllBytes(file));
                    sha.update((byte) 0);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ResetException("testguard cannot read the baseline inputs " + inputs + ": " + e.getMessage()
                    + ". Check <baselineInputs> in the plugin configuration.", e);
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    }

    private static List<Path> files(Path input) throws IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(input)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
            return files;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
