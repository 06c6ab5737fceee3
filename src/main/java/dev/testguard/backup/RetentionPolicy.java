package dev.testguard.backup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which backups to keep, restic style: the newest {@code keepLast}, OR-ed with the newest backup of
 * each of the newest {@code keepDaily} distinct days that have backups. Applied per database. The
 * newest backup of a database is always kept, and an empty policy (both zero) removes nothing.
 */
public record RetentionPolicy(int keepLast, int keepDaily, ZoneId zone) {

    public static final int DEFAULT_KEEP_LAST = 10;
    public static final int DEFAULT_KEEP_DAILY = 30;

    public RetentionPolicy {
        if (keepLast < 0 || keepDaily < 0) {
            throw new IllegalArgumentException("keepLast and keepDaily must be 0 or more (got " + keepLast + ", " + keepDaily + ")");
        }
        zone = zone == null ? ZoneId.systemDefault() : zone;
    }

    /** One backup as retention sees it. */
    public record Entry(String id, String database, Instant startedAt) {
    }

    /** The ids to delete among {@code backups} (all complete). */
    public Set<String> toRemove(List<Entry> backups) {
        Set<String> remove = new HashSet<>();
        if (keepLast == 0 && keepDaily == 0) {
            return remove;
        }
        Map<String, List<Entry>> byDatabase = backups.stream()
                .collect(Collectors.groupingBy(Entry::database, LinkedHashMap::new, Collectors.toList()));
        for (List<Entry> entries : byDatabase.values()) {
            List<Entry> newestFirst = entries.stream()
                    .sorted(Comparator.comparing(Entry::startedAt).thenComparing(Entry::id).reversed())
                    .toList();
            Set<String> keep = new HashSet<>();
            keep.add(newestFirst.get(0).id());
            newestFirst.stream().limit(keepLast).forEach(e -> keep.add(e.id()));
            Set<LocalDate> days = new HashSet<>();
            for (Entry e : newestFirst) {
                if (days.size() >= keepDaily) {
                    break;
                }
                if (days.add(LocalDate.ofInstant(e.startedAt(), zone))) {
                    keep.add(e.id());
                }
            }
            newestFirst.stream().map(Entry::id).filter(id -> !keep.contains(id)).forEach(remove::add);
        }
        return remove;
    }
}
