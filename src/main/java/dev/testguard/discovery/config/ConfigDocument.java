package dev.testguard.discovery.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One document of a configuration file (a properties file split by {@code #---}, or one YAML document).
 * A key written twice keeps its last value, as {@link java.util.Properties} and Spring do.
 */
public final class ConfigDocument {

    private final Map<String, ConfigEntry> entries = new LinkedHashMap<>();

    public ConfigDocument(List<ConfigEntry> entryList) {
        for (ConfigEntry e : entryList) {
            entries.remove(e.key());
            entries.put(e.key(), e);
        }
    }

    public ConfigEntry get(String key) {
        return entries.get(key);
    }

    public String value(String key) {
        ConfigEntry e = entries.get(key);
        return e == null ? null : e.value();
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    public List<ConfigEntry> entries() {
        return List.copyOf(entries.values());
    }
}
