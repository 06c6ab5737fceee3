package dev.testguard.backup;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The table {@code testguard:backups} prints: id, database, engine, time, size, verified. */
public final class BackupListing {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BackupListing() {
    }

    public static List<String> lines(List<StoredBackup> backups, ZoneId zone) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "database", "engine", "time", "size", "verified"});
        for (StoredBackup b : backups) {
            Manifest m = b.manifest();
            String verified = m.verification() == null ? "no"
                    : m.verification().result().toLowerCase(java.util.Locale.ROOT) + " " + m.verification().verifiedAt().substring(0, 10);
            rows.add(new String[] {m.id(), m.database().name() + (Manifest.PURPOSE_SAFETY.equals(m.purpose()) ? " (safety)" : ""),
                    m.engine(), TIME.format(m.started().atZone(zone)), Sizes.human(m.sizeBytes()), verified});
        }
        int[] w = new int[6];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                sb.append(i == 4 ? String.format("%" + w[i] + "s", r[i]) : String.format("%-" + w[i] + "s", r[i]));
                if (i < r.length - 1) {
                    sb.append("  ");
                }
            }
            out.add(sb.toString().stripTrailing());
        }
        return out;
    }
}
