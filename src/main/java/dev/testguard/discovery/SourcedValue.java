package dev.testguard.discovery;

/** A configuration value with the place it came from. */
public record SourcedValue(String value, Provenance provenance) {
}
