package dev.testguard.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.probe.DatabaseFacts;
import dev.testguard.probe.Stamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decision the destructive goals (reset, restore, stamp test) share, on facts read over the working connection. */
class DestructiveGuardReasonTest {

    private static final DatabaseFacts PROTECTED = facts(Stamp.Role.PROTECTED, 5L);
    private static final DatabaseFacts TEST_BIG = facts(Stamp.Role.TEST, 1_000_000L);
    private static final DatabaseFacts UNSTAMPED_BIG = new DatabaseFacts(Optional.empty(), 20_000L);
    private static final DatabaseFacts UNSTAMPED_SMALL = new DatabaseFacts(Optional.empty(), 20L);

    private final DestructiveGuard guard = new DestructiveGuard("restore", 10_000, null);

    @Test
    void stampedTestMayGoAheadWhateverItsSize() {
        assertThat(guard.refusalReason("orders", TEST_BIG, List.of())).isEmpty();
    }

    @Test
    void protectedOrBigUnstampedIsRefusedNamingWhy() {
        assertThat(guard.refusalReason("orders", PROTECTED, List.of())).get().asString().contains("stamped protected (by ops@prod)");
        assertThat(guard.refusalReason("orders", UNSTAMPED_BIG, List.of())).get().asString()
                .contains("about 20,000 rows (more than maxRows=10000)");
    }

    @Test
    void anOverrideNeverAuthorisesAndConfirmAlwaysDoes() {
        assertThat(guard.refusalReason("orders", UNSTAMPED_SMALL, List.of("allowDatabases=localhost:5432/orders"))).get()
                .asString().contains("passed only by an override");
        DestructiveGuard confirmed = new DestructiveGuard("restore", 10_000, "orders");
        assertThat(confirmed.refusalReason("orders", PROTECTED, List.of())).isEmpty();
        assertThat(confirmed.refusalReason("other", PROTECTED, List.of())).isPresent();
        assertThat(DestructiveGuard.mayStampTest(UNSTAMPED_SMALL, List.of("allowDatabases=x"))).isFalse();
    }

    private static DatabaseFacts facts(Stamp.Role role, Long rows) {
        return new DatabaseFacts(Optional.of(new Stamp(role, Instant.parse("2026-01-01T00:00:00Z"), "ops@prod", null)), rows);
    }
}
