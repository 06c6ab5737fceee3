package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test classpath element as a directory to look resources up in: a directory as it is, a jar as the root of its
 * zip file system. Jars are opened once per Maven JVM (builds with {@code -T} share them) and stay open for reading.
 */
final class ClasspathJars {

    private static final Map<Path, FileSystem> OPEN = new ConcurrentHashMap<>();

    private ClasspathJars() {
    }

    static Optional<Path> root(Path element) {
        if (Files.isDirectory(element)) {
            return Optional.of(element);
        }
        String name = element.getFileName() == null ? "" : element.getFileName().toString();
        if (!Files.isRegularFile(element) || !(name.endsWith(".jar") || name.endsWith(".zip"))) {
            return Optional.empty();
        }
        Path key = element.toAbsolutePath().normalize();
        return Optional.of(OPEN.computeIfAbsent(key, ClasspathJars::open).getPath("/"));
    }

    private static FileSystem open(Path jar) {
        try {
            return FileSystems.newFileSystem(jar, (ClassLoader) null);
        } catch (IOException | RuntimeException e) {
            throw new ConfigFileException(jar + ": cannot be read as a jar on the test classpath (" + e.getMessage() + ")", e);
        }
    }
}
