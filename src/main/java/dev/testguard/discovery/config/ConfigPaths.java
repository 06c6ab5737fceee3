package dev.testguard.discovery.config;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Why a configuration file that is there cannot be read as one, found from its metadata alone: a FIFO is never
 * opened (opening it for reading blocks until someone writes), nor a device such as {@code /dev/zero} (endless).
 */
public final class ConfigPaths {

    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private ConfigPaths() {
    }

    /** Empty when {@code path} is a regular file (or a link to one) or does not exist at all; else what it is. */
    public static Optional<String> problem(Path path) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!own.isSymbolicLink()) {
            return kind(path, own);
        }
        try {
            return kind(path, Files.readAttributes(path, BasicFileAttributes.class)).map(k -> "a symbolic link to " + k);
        } catch (NoSuchFileException e) {
            return Optional.of("a symbolic link to " + target(path) + ", which does not exist");
        } catch (FileSystemException e) {
            return Optional.of(isLoop(e) ? "a symbolic link loop" : "a symbolic link that cannot be followed (" + e.getReason() + ")");
        } catch (IOException e) {
            return Optional.of("a symbolic link that cannot be followed (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        if (attributes.isDirectory()) {
            return Optional.of("a directory");
        }
        return Optional.of(special(path));
    }

    private static String special(Path path) {
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode")) & TYPE_MASK;
            return switch (type) {
                case FIFO -> "a FIFO (named pipe)";
                case CHARACTER_DEVICE -> "a character device";
                case BLOCK_DEVICE -> "a block device";
                case SOCKET -> "a socket";
                default -> "not a regular file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "not a regular file";
        }
    }

    private static boolean isLoop(FileSystemException e) {
        String reason = String.valueOf(e.getReason()).toLowerCase(java.util.Locale.ROOT);
        return reason.contains("levels of symbolic links") || reason.contains("loop");
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }
}
