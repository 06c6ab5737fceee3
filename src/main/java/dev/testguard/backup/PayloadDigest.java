package dev.testguard.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 of a payload. A file is hashed as is; a directory (pg_dump's directory format) as the
 * sequence of its files in sorted relative-path order, each as its path, a NUL, its length, a NUL, its bytes.
 */
public final class PayloadDigest {

    private PayloadDigest() {
    }

    public static String sha256(Path payload) throws IOException {
        MessageDigest md = newDigest();
        if (Files.isDirectory(payload)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(payload)) {
                files = walk.filter(Files::isRegularFile).sorted((a, b) ->
                        relative(payload, a).compareTo(relative(payload, b))).toList();
            }
            for (Path f : files) {
                md.update(relative(payload, f).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Long.toString(Files.size(f)).getBytes(StandardCharsets.US_ASCII));
                md.update((byte) 0);
                update(md, f);
            }
        } else {
            update(md, payload);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Hashes a few MB of zeros so that the JIT compiles SHA-256 (with the CPU's SHA instructions where it has them): a cold
     * JVM hashes a payload several times slower. Called beside a dump, it keeps that out of the time after it.
     */
    static void warmUp() {
        MessageDigest md = newDigest();
        byte[] block = new byte[1 << 16];
        for (int i = 0; i < 64; i++) {
            md.update(block);
        }
        md.digest();
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void update(MessageDigest md, Path file) throws IOException {
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
