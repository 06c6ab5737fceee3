package dev.testguard.reset;

import java.util.Locale;

/** What {@code reset} does with baselines ({@code -Dtestguard.baseline}). */
public enum BaselineMode {
    /** Capture the database's current state as its baseline; do not reset. */
    SAVE,
    /** Restore a fresh baseline when there is one (the default); build one from the init scripts when there is none. */
    USE,
    /** Reset to an empty database (plus init scripts) whatever baselines exist. */
    IGNORE;

    public static BaselineMode parse(String value) {
        if (value == null || value.isBlank()) {
            return USE;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "save":
                return SAVE;
            case "use":
                return USE;
            case "ignore":
                return IGNORE;
            default:
                throw new IllegalArgumentException("unknown baseline mode '" + value + "': use save, use or ignore");
        }
    }
}
