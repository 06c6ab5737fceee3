package dev.testguard.probe;

import static dev.testguard.probe.LocalDatabases.POSTGRES_ADMIN;
import static dev.testguard.probe.LocalDatabases.TIMEOUT;
import static dev.testguard.probe.LocalDatabases.postgres;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimedLiveProbeTest {

    @Test
    void countsEachRealDatabaseOnceAndSkipsWhatWasNotChecked() throws Exception {
        String name = LocalDatabases.uniqueName("timed");
        LocalDatabases.createPostgres(name);
        try (JdbcLiveProbe live = new JdbcLiveProbe(TIMEOUT)) {
            TimedLiveProbe timed = new TimedLiveProbe(live);
            JdbcUrl url = postgres(name);
            JdbcUrl memory = new JdbcUrl("jdbc:h2:mem:test", Vendor.H2, Storage.MEMORY, List.of(), false, "test",
                    null, Map.of(), null, null);

            assertThat(timed.inspect(url, POSTGRES_ADMIN).reachable()).isTrue();
            assertThat(timed.inspect(url, POSTGRES_ADMIN).reachable()).isTrue();
            assertThat(timed.inspect(memory, Credentials.NONE).status()).isEqualTo(LiveFacts.Status.NOT_CHECKED);

            assertThat(timed.databases()).isEqualTo(1);
            assertThat(timed.summary()).matches("live checks: 1 database in \\d+ ms");
        } finally {
            LocalDatabases.dropPostgres(name);
        }
    }

    @Test
    void offlineChecksNothing() {
        TimedLiveProbe timed = new TimedLiveProbe(LiveProbe.OFFLINE);

        timed.inspect(postgres("app_test"), Credentials.NONE);

        assertThat(timed.summary()).isEqualTo("live checks: 0 databases in 0 ms");
    }
}
