package dev.testguard.backup;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.SafetyCopy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * After a verified restore, drops the older safety copies of the same database beyond the newest {@code keep}, on the
 * server ({@link ServerSafetyCopies}) or in the backup store ({@link StoredSafetyCopies}): only copies whose marker proves
 * a finished testguard restore into that database made them. The copy the restore just made
 * is always kept ({@code keep = 0}: only that one); copies named like one but unmarked are listed, never dropped.
 * Reports each copy kept and dropped with its size, what is left and the statements to drop those by hand.
 */
public final class SafetyCopyRetention {

    private final int keep;
    private final Progress progress;

    public SafetyCopyRetention(int keep, Progress progress) {
        if (keep < 0) {
            throw new IllegalArgumentException("keepSafetyCopies is " + keep + ": it must be 0 (keep only the safety copy of"
                    + " this restore) or more (that many older ones besides). Set -Dtestguard.keepSafetyCopies=1, the default.");
        }
        this.keep = keep;
        this.progress = progress;
    }

    /** Applies retention to {@code database}'s safety copies on the server, the vendor's marker alone trusted. */
    public void apply(DatabaseAdmin admin, String database, String current) {
        apply(new ServerSafetyCopies(admin, null, null), database, current);
    }

    /** Applies retention to {@code database}'s safety copies in {@code place}, {@code current} (this restore's own) always kept. */
    void apply(SafetyCopyPlace place, String database, String current) {
        try {
            List<SafetyCopy> older = new ArrayList<>();
            List<SafetyCopy> left = new ArrayList<>();
            for (SafetyCopy c : place.list(database)) {
                if (c.name().equals(current)) {
                    left.add(c);
                    progress.report("safety copy kept: " + describe(c) + " (made by this restore)");
                } else if (c.marked()) {
                    older.add(c);
                } else {
                    left.add(c);
                    progress.report("safety copy kept: " + describe(c) + " (no testguard marker: never dropped automatically)");
                }
            }
            older.sort(Comparator.comparingLong(SafetyCopy::madeAtMillis).thenComparing(SafetyCopy::name).reversed());
            for (int i = 0; i < older.size(); i++) {
                SafetyCopy c = older.get(i);
                if (i < keep) {
                    left.add(c);
                    progress.report("safety copy kept: " + describe(c) + " (one of the newest " + keep + " older ones kept)");
                } else if (!dropped(place, c)) {
                    left.add(c);
                }
            }
            summary(place, database, left);
        } catch (SQLException | BackupException e) {
            progress.report("WARNING: the restore succeeded, but its older safety copies of '" + database + "' could not be"
                    + " listed, so none was dropped: " + e.getMessage());
        }
    }

    private boolean dropped(SafetyCopyPlace place, SafetyCopy c) {
        try {
            place.drop(c);
            progress.report("safety copy dropped: " + describe(c) + " (older than the newest " + keep + " kept)");
            return true;
        } catch (SQLException | BackupException e) {
            progress.report("WARNING: safety copy kept: " + describe(c) + ": dropping it failed (" + e.getMessage()
                    + "); drop it by hand: " + place.dropStatement(c));
            return false;
        }
    }

    /** What is left and the space it takes, with the statements that drop it by hand. */
    private void summary(SafetyCopyPlace place, String database, List<SafetyCopy> left) {
        long bytes = left.stream().mapToLong(c -> Math.max(c.bytes(), 0)).sum();
        progress.report("safety copies of '" + database + "' now: " + left.size() + ", taking " + Sizes.human(bytes)
                + (left.isEmpty() ? "" : "; to drop them by hand, " + place.byHand()));
        for (SafetyCopy c : left) {
            progress.report("    " + place.dropStatement(c));
        }
    }

    static String describe(SafetyCopy c) {
        return "'" + c.name() + "' (" + (c.bytes() < 0 ? "size unknown: no CONNECT privilege" : Sizes.human(c.bytes())) + ")";
    }
}
