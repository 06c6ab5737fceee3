package dev.testguard.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HikariCP and Apache DBCP2, whose borrows the guard does not weave (bootstrap.WovenTypes#UNWOVEN_POOLS), in a real guarded JVM: each
 * way the pool opens its physical connections is judged where the connection opens, so a non-test database is
 * refused and recorded, and a test database is reached.
 */
class GuardPoolsEndToEndTest {

    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static E2eDatabases dbs;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabases() throws Exception {
        dbs = E2eDatabases.create("tg_pools_" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        if (dbs != null) {
            dbs.drop();
        }
    }

    @Test
    void everyWayTheUnwovenPoolsOpenTheirConnectionsIsJudged() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        String pg = E2eDatabases.PG;
        String maria = E2eDatabases.MARIA;
        for (String kind : List.of("pool-hikari-adder", "pool-hikari-pgclass", "pool-hikari-setds-pg",
                "pool-hikari-own-datasource", "pool-dbcp2-url", "pool-dbcp2-pooling-ds")) {
            add(lines, expected, kind + "-dev", kind, pg + dbs.pgDev, "postgres", "REFUSED 28000");
            add(lines, expected, kind + "-test", kind, pg + dbs.pgTest, "postgres", "OK");
        }
        for (String kind : List.of("pool-hikari-mariaclass", "pool-hikari-setds-maria")) {
            add(lines, expected, kind + "-dev", kind, maria + dbs.myDev, "root", "REFUSED 28000");
            add(lines, expected, kind + "-test", kind, maria + dbs.myTest, "root", "OK");
        }
        Map<String, Long> before = dbs.rowCounts();
        String token = "pools" + UUID.randomUUID().toString().substring(0, 8);
        Path records = dir.resolve("records");

        GuardedRun run = GuardedRun.launch(JAVA_HOME, dir, GuardEndToEndTest.options(dir, token, records), lines);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        expected.forEach((name, outcome) ->
                assertThat(run.result(name)).as(name + "\n" + run.describe()).startsWith(outcome));
        assertThat(dbs.rowCounts()).isEqualTo(before);
        List<RuntimeRecord> recorded = RuntimeRecords.read(records, token);
        assertThat(recorded).anyMatch(r -> !r.isRefusal() && r.event().equals(RuntimeRecord.CONNECTION)
                && String.valueOf(r.database()).endsWith("/" + dbs.pgTest) && r.count() != null && r.count() >= 1);
        assertThat(recorded).anyMatch(r -> !r.isRefusal() && r.event().equals(RuntimeRecord.CONNECTION)
                && String.valueOf(r.database()).endsWith("/" + dbs.myTest) && r.count() != null && r.count() >= 1);
    }

    /**
     * A pool started unchecked opens its connections on HikariCP's own adder thread, which logs the refusal and
     * retries; the test swallows the borrow's timeout: the refusal is recorded all the same (the build fails).
     */
    @Test
    void aRefusalOnThePoolsAdderThreadIsRecordedWhenTheTestSwallowsIt() throws Exception {
        List<String> lines = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>();
        add(lines, expected, "adder-swallowed", "pool-hikari-adder-swallowed", E2eDatabases.PG + dbs.pgDev,
                "postgres", "OK");
        Map<String, Long> before = dbs.rowCounts();
        String token = "pools" + UUID.randomUUID().toString().substring(0, 8);
        Path records = dir.resolve("records");

        GuardedRun run = GuardedRun.launch(JAVA_HOME, dir, GuardEndToEndTest.options(dir, token, records), lines);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.result("adder-swallowed")).as(run.describe()).isEqualTo("OK");
        assertThat(dbs.rowCounts()).isEqualTo(before);
        assertThat(RuntimeRecords.read(records, token)).filteredOn(RuntimeRecord::isRefusal)
                .extracting(RuntimeRecord::database).contains("postgresql://localhost:5432/" + dbs.pgDev);
    }

    private static void add(List<String> lines, Map<String, String> expected, String name, String kind, String url,
            String user, String outcome) {
        lines.add(String.join("|", name, kind, url, user, ""));
        expected.put(name, outcome);
    }
}
