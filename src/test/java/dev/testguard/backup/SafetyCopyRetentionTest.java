package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.SafetyCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aCopyRecordedInTheStoreByNameAndOidIsDroppedAndALookAlikeWithAnotherOidIsNot(@TempDir Path dir) throws Exception {
        SafetyCopyMarks marks = marks(dir);
        Server server = new Server(List.of(new SafetyCopy("orders_tgsafe_a", false, 0, 10, 41),
                new SafetyCopy("orders_tgsafe_b", false, 0, 10, 99), new SafetyCopy("orders_tgsafe_now", false, 0, 10, 50)), null);

        new SafetyCopyRetention(0, log::add).apply(new ServerSafetyCopies(server, marks, SERVER), "orders", "orders_tgsafe_now");

        assertThat(server.dropped).containsExactly("orders_tgsafe_a");
        assertThat(log).anyMatch(l -> l.startsWith("safety copy kept: 'orders_tgsafe_b'") && l.contains("no testguard marker"));
        assertThat(marks.read()).as("the records of the dropped copy and of the one a look-alike replaced are gone").isEmpty();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).as("written atomically: no temp file left")
                .containsExactly(SafetyCopyMarks.FILE);
    }

    @Test
    void aCopyWhoseOidChangedBetweenListingAndDroppingIsNeverDropped(@TempDir Path dir) throws Exception {
        Server server = new Server(List.of(new SafetyCopy("orders_tgsafe_a", false, 0, 10, 41)), null);
        server.relisted = List.of(new SafetyCopy("orders_tgsafe_a", false, 0, 10, 77));

        new SafetyCopyRetention(0, log::add).apply(new ServerSafetyCopies(server, marks(dir), SERVER), "orders", "orders_tgsafe_now");

        assertThat(server.dropped).isEmpty();
        assertThat(log).anyMatch(l -> l.startsWith("WARNING: safety copy kept: 'orders_tgsafe_a'") && l.contains("oid changed from 41 to 77"));
    }

    @Test
    void aCopyOfAnotherDatabaseOrServerIsNotProvenByARecord(@TempDir Path dir) throws Exception {
        SafetyCopyMarks marks = marks(dir);
        SafetyCopy a = new SafetyCopy("orders_tgsafe_a", false, 0, 10, 41);
        assertThat(marks.find(SERVER, "orders", a)).isPresent();
        assertThat(marks.find(SERVER, "orders2", a)).isEmpty();
        assertThat(marks.find("PostgreSQL otherhost:5432", "orders", a)).isEmpty();
        assertThat(marks.find(SERVER, "orders", new SafetyCopy("orders_tgsafe_a", false, 0, 10, 0))).isEmpty();
    }

    private static final String SERVER = "PostgreSQL localhost:5432";

    private static SafetyCopyMarks marks(Path dir) throws Exception {
        SafetyCopyMarks marks = new SafetyCopyMarks(new BackupStore(dir));
        marks.add(new SafetyCopyMarks.Mark(SERVER, "orders", "orders_tgsafe_a", 41, 1_000));
        marks.add(new SafetyCopyMarks.Mark(SERVER, "orders", "orders_tgsafe_b", 42, 2_000));
        return marks;
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
        /** What the server lists from the second listing on (a database made meanwhile); null: the same as at first. */
        List<SafetyCopy> relisted;
        private boolean listed;

        Server(List<SafetyCopy> copies, String failing) {
            this.copies = copies;
            this.failing = failing;
        }

        @Override
        public List<SafetyCopy> safetyCopies(String database) {
            List<SafetyCopy> now = listed && relisted != null ? relisted : copies;
            listed = true;
            return now;
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
