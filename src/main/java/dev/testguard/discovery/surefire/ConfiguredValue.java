package dev.testguard.discovery.surefire;

/**
 * One value from a plugin's POM configuration.
 *
 * @param name  the element name (a property key for maps, the parameter name otherwise)
 * @param value the raw value as configured, before testguard's own interpolation
 * @param line  1-based line in the POM that declares it, 0 when unknown (inherited, injected)
 */
public record ConfiguredValue(String name, String value, int line) {
}
