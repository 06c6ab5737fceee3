package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bounds on what testguard reads from a project's configuration files, so that a hostile or broken file
 * (an alias bomb, a recursive anchor, a file of gigabytes) ends in a clear message instead of a hang or
 * {@code OutOfMemoryError}. Real configuration files stay far below every bound.
 */
public final class ConfigLimits {

    /** Largest configuration file read (YAML, properties, XML): 4 MiB. */
    public static final long MAX_FILE_BYTES = 4L << 20;
    /** Aliases of collections per YAML file (SnakeYAML's own default). */
    public static final int MAX_YAML_ALIASES = 50;
    /** Nesting of YAML collections as written (SnakeYAML's own default). */
    public static final int MAX_YAML_NESTING = 50;
    /** Nesting once aliases are expanded. */
    public static final int MAX_EXPANDED_DEPTH = 100;
    /** Keys and list items once aliases are expanded; a real file has a few hundred. */
    public static final int MAX_EXPANDED_NODES = 100_000;

    private ConfigLimits() {
    }

    /** Refuses a file larger than {@link #MAX_FILE_BYTES} before a byte of it is read. */
    public static void checkSize(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ConfigFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new ConfigFileException(file + ": refused, the file is larger than " + (MAX_FILE_BYTES >> 20)
                    + " MiB (" + size + " bytes); a configuration file this big is not one testguard can check."
                    + " Shrink it or remove it from the test classpath.");
        }
    }
}
