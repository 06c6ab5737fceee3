package dev.testguard.backup;

import java.util.Locale;

/** Byte counts as people read them in progress lines and listings. */
public final class Sizes {

    private Sizes() {
    }

    /** {@code 512 B}, {@code 1.5 KB}, {@code 1054.2 MB}... */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double v = bytes;
        String[] units = {"KB", "MB", "GB", "TB"};
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}
