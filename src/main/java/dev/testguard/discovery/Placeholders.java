package dev.testguard.discovery;

/** Small helpers about {@code ${...}} placeholders shared by the sources. */
public final class Placeholders {

    private Placeholders() {
    }

    public static boolean hasPlaceholder(String value) {
        if (value == null) {
            return false;
        }
        int start = value.indexOf("${");
        return start >= 0 && value.indexOf('}', start) > start;
    }
}
