package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A parsed configuration file: its path and its documents in file order. */
public record ConfigFile(Path path, List<ConfigDocument> documents) {

    public ConfigFile {
        documents = List.copyOf(documents);
    }

    /** Reads a {@code .properties}, {@code .yml} or {@code .yaml} file; throws {@link ConfigFileException} if broken. */
    public static ConfigFile read(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return YamlFile.read(path);
        }
        if (name.endsWith(".properties")) {
            return PropertiesFile.read(path);
        }
        throw new ConfigFileException(path + ": testguard reads only .properties, .yml and .yaml files");
    }
}
