package dev.testguard.discovery.migration;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.config.ConfigEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection of a {@code flyway.toml}: the {@code [environments.<name>]} table that {@code [flyway] environment}
 * selects ({@code default} when unset), as {@code flyway.url}, {@code flyway.user} and {@code flyway.password}
 * entries with their lines. Only the flat {@code key = "string"} form Flyway's own files use is read.
 */
final class FlywayToml {

    private static final Pattern TABLE = Pattern.compile("\\s*\\[\\s*([^\\]]+?)\\s*]\\s*(#.*)?");
    private static final Pattern STRING = Pattern.compile("\\s*([A-Za-z0-9_.-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')\\s*(#.*)?");

    private FlywayToml() {
    }

    static List<ConfigEntry> entries(Path path) {
        Map<String, ConfigEntry> byTableKey = new LinkedHashMap<>();
        String table = "";
        List<String> lines = lines(path);
        for (int i = 0; i < lines.size(); i++) {
            Matcher t = TABLE.matcher(lines.get(i));
            Matcher s = STRING.matcher(lines.get(i));
            if (t.matches()) {
                table = t.group(1).replace("\"", "");
            } else if (s.matches()) {
                String value = s.group(3) != null ? s.group(3) : s.group(4);
                byTableKey.put(table + "." + s.group(1), new ConfigEntry(s.group(1), value, i + 1));
            }
        }
        ConfigEntry selected = byTableKey.get("flyway.environment");
        String environment = "environments." + (selected == null ? "default" : selected.value());
        List<ConfigEntry> out = new ArrayList<>();
        for (String key : List.of("url", "user", "password")) {
            ConfigEntry e = byTableKey.get(environment + "." + key);
            if (e != null) {
                out.add(new ConfigEntry("flyway." + key, e.value(), e.line()));
            }
        }
        return out;
    }

    private static List<String> lines(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigFileException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
