package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant DAY0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Simulates backups three times a day for {@code days} days, applying retention after each. */
    private static List<RetentionPolicy.Entry> simulate(RetentionPolicy policy, int days, int perDay) {
        List<RetentionPolicy.Entry> store = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int i = 0; i < perDay; i++) {
                Instant at = DAY0.plus(d, ChronoUnit.DAYS).plus(8 + i * 4L, ChronoUnit.HOURS);
                store.add(new RetentionPolicy.Entry(BackupIds.newId(at, "orders"), "pg/orders", at));
                Set<String> remove = policy.toRemove(store);
                store.removeIf(e -> remove.contains(e.id()));
            }
        }
        return store;
    }

    @Test
    void keepsLastTenAndNewestOfEachOfThirtyDays() {
        List<RetentionPolicy.Entry> kept = simulate(new RetentionPolicy(10, 30, ZoneOffset.UTC), 60, 3);
        // 30 days' newest (one per day) plus the other two backups of the last days within the last 10
        List<Instant> times = kept.stream().map(RetentionPolicy.Entry::startedAt).sorted().toList();
        assertThat(times.get(0)).isEqualTo(DAY0.plus(30, ChronoUnit.DAYS).plus(16, ChronoUnit.HOURS));
        long lastTenAlsoDaily = 4; // the last 10 backups span 4 days (3+3+3+1): 4 of them are day-newest
        assertThat(kept).hasSize(30 + 10 - (int) lastTenAlsoDaily);
        assertThat(times.get(times.size() - 1)).isEqualTo(DAY0.plus(59, ChronoUnit.DAYS).plus(16, ChronoUnit.HOURS));
    }

    @Test
    void daysWithoutBackupsDoNotCount() {
        RetentionPolicy policy = new RetentionPolicy(0, 2, ZoneOffset.UTC);
        List<RetentionPolicy.Entry> entries = List.of(
                entry(DAY0, 9), entry(DAY0, 18), entry(DAY0.plus(10, ChronoUnit.DAYS), 9), entry(DAY0.plus(40, ChronoUnit.DAYS), 9));
        Set<String> remove = policy.toRemove(entries);
        assertThat(remove).containsExactlyInAnyOrder(entries.get(0).id(), entries.get(1).id());
    }

    @Test
    void newestIsAlwaysKeptAndEmptyPolicyRemovesNothing() {
        List<RetentionPolicy.Entry> entries = List.of(entry(DAY0, 1), entry(DAY0, 2), entry(DAY0, 3));
        assertThat(new RetentionPolicy(0, 0, ZoneOffset.UTC).toRemove(entries)).isEmpty();
        assertThat(new RetentionPolicy(1, 0, ZoneOffset.UTC).toRemove(entries))
                .containsExactlyInAnyOrder(entries.get(0).id(), entries.get(1).id());
        assertThat(new RetentionPolicy(0, 1, ZoneOffset.UTC).toRemove(entries))
                .containsExactlyInAnyOrder(entries.get(0).id(), entries.get(1).id());
    }

    @Test
    void appliesPerDatabase() {
        RetentionPolicy policy = new RetentionPolicy(1, 0, ZoneOffset.UTC);
        RetentionPolicy.Entry a1 = new RetentionPolicy.Entry("a1", "a", DAY0);
        RetentionPolicy.Entry a2 = new RetentionPolicy.Entry("a2", "a", DAY0.plusSeconds(60));
        RetentionPolicy.Entry b1 = new RetentionPolicy.Entry("b1", "b", DAY0);
        assertThat(policy.toRemove(List.of(a1, a2, b1))).containsExactly("a1");
    }

    @Test
    void daysFollowTheGivenZone() {
        // 23:30 UTC on Jan 1 is Jan 2 in Paris: same Paris day as the 08:00 UTC backup of Jan 2
        RetentionPolicy paris = new RetentionPolicy(0, 5, java.time.ZoneId.of("Europe/Paris"));
        RetentionPolicy.Entry late = new RetentionPolicy.Entry("late", "a", Instant.parse("2026-01-01T23:30:00Z"));
        RetentionPolicy.Entry next = new RetentionPolicy.Entry("next", "a", Instant.parse("2026-01-02T08:00:00Z"));
        assertThat(paris.toRemove(List.of(late, next))).containsExactly("late");
        assertThat(new RetentionPolicy(0, 5, ZoneOffset.UTC).toRemove(List.of(late, next))).isEmpty();
    }

    private static RetentionPolicy.Entry entry(Instant day, int hour) {
        Instant at = day.plus(hour, ChronoUnit.HOURS);
        return new RetentionPolicy.Entry(BackupIds.newId(at, "x"), "x", at);
    }
}
