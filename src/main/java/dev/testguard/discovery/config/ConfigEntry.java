package dev.testguard.discovery.config;

/** One key of a configuration file, its raw (unresolved) value and the 1-based line it starts on. */
public record ConfigEntry(String key, String value, int line) {
}
