package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.SafetyCopy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The choice of what to keep and drop, on a recorded server; the real servers are in the vendors' retention tests. */
class SafetyCopyRetentionTest {

    private final List<String> log = new ArrayList<>();

    @Test
    void keepsTheCurrentAndTheNewestMarkedOlderOnesAndNeverAnUnmarkedOne() {
        Server server = new Server(List.of(
                new SafetyCopy("orders_tgsafe_a", true, 1_000, 2048),
                new SafetyCopy("orders_tgsafe_b", true, 3_000, 2048),
                new SafetyCopy("orders_tgsafe_c", true, 2_000, 2048),
                new SafetyCopy("orders_tgsafe_old", false, 0, 4096),
                new SafetyCopy("orders_tgsafe_now", true, 500, 1024)), null);

        new SafetyCopyRetention(1, log::add).apply(server, "orders", "orders_tgsafe_now");

        assertThat(server.dropped).containsExactlyInAnyOrder("orders_tgsafe_a", "orders_tgsafe_c");
        assertThat(log).contains("safety copy kept: 'orders_tgsafe_now' (1.0 KB) (made by this restore)",
                "safety copy kept: 'orders_tgsafe_b' (2.0 KB) (one of the newest 1 older ones kept)",
                "safety copy dropped: 'orders_tgsafe_c' (2.0 KB) (older than the newest 1 kept)",
                "safety copies of 'orders' now: 3, taking 7.0 KB; to drop them by hand, run in the database client:",
                "    DROP DATABASE [orders_tgsafe_old];");
    }

    @Test
    void zeroKeepsOnlyTheCurrentAndAFailedDropIsKeptAndNamed() {
        Server server = new Server(List.of(new SafetyCopy("orders_tgsafe_a", true, 1_000, -1),
                new SafetyCopy("orders_tgsafe_now", true, 2_000, 10)), "orders_tgsafe_a");

        new SafetyCopyRetention(0, log::add).apply(server, "orders", "orders_tgsafe_now");

        assertThat(server.dropped).isEmpty();
        assertThat(log).anyMatch(l -> l.startsWith("WARNING: safety copy kept: 'orders_tgsafe_a' (size unknown")
                && l.endsWith("drop it by hand: DROP DATABASE [orders_tgsafe_a];"));
        assertThat(log).contains("safety copies of 'orders' now: 2, taking 10 B; to drop them by hand, run in the database client:");
    }

    @Test
    void aNegativeCountIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> new SafetyCopyRetention(-1, log::add)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keepSafetyCopies is -1").hasMessageContaining("-Dtestguard.keepSafetyCopies=1");
    }

    /** The admin calls retention makes, recorded; {@code failing} refuses to be dropped. */
    private static final class Server implements DatabaseAdmin {
        final List<SafetyCopy> copies;
        final String failing;
        final List<String> dropped = new ArrayList<>();

        Server(List<SafetyCopy> copies, String failing) {
            this.copies = copies;
            this.failing = failing;
        }

        @Override
        public List<SafetyCopy> safetyCopies(String database) {
            return copies;
        }

        @Override
        public String dropStatement(String database) {
            return "DROP DATABASE [" + database + "];";
        }

        @Override
        public void drop(String database) throws SQLException {
            if (database.equals(failing)) {
                throw new SQLException("permission denied");
            }
            dropped.add(database);
        }

        @Override
        public String serverVersion() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean exists(String database) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void create(String database) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DatabaseTarget sibling(String database) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Long> exactRowCounts(String database) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> tables(String database) {
            throw new UnsupportedOperationException();
        }
    }
}
