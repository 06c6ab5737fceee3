package dev.testguard.discovery.migration;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.config.ConfigDocument;
import dev.testguard.discovery.config.ConfigEntry;
import dev.testguard.discovery.config.ConfigFile;
import dev.testguard.discovery.config.PropertiesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connection settings a Flyway or Liquibase execution reads from its configuration files
 * ({@code flyway.conf}, {@code flyway.toml}, {@code liquibase.properties}), later files overriding earlier ones,
 * each value with the file and line it was written on.
 */
public final class MigrationSettings {

    private final Map<String, ConfigEntry> values = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();

    /** Reads {@code files} in order (missing ones are skipped); {@code keys} maps the file's key to url/user/password. */
    public static MigrationSettings read(List<Path> paths, Map<String, String> keys) {
        MigrationSettings settings = new MigrationSettings();
        for (Path path : paths) {
            if (!Files.isRegularFile(path)) {
                continue;
            }
            for (ConfigEntry e : entries(path)) {
                String setting = keys.get(e.key());
                if (setting != null && e.value() != null && !e.value().isBlank()) {
                    settings.values.put(setting, e);
                    settings.files.put(setting, path);
                }
            }
        }
        return settings;
    }

    private static List<ConfigEntry> entries(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(".toml")) {
            return FlywayToml.entries(path);
        }
        ConfigFile file = PropertiesFile.read(path);
        return file.documents().stream().map(ConfigDocument::entries).flatMap(List::stream).toList();
    }

    /** The value of {@code setting} (url, user, password), or null. */
    public String value(String setting) {
        ConfigEntry e = values.get(setting);
        return e == null ? null : e.value().trim();
    }

    /** Where {@code setting} was written, as users read it. */
    public Provenance provenance(String setting, String display, String howToChange) {
        ConfigEntry e = values.get(setting);
        if (e == null) {
            throw new ConfigFileException(setting + " is not set");
        }
        return Provenance.file(files.get(setting), display, e.line(), howToChange);
    }

    public Path file(String setting) {
        return files.get(setting);
    }
}
