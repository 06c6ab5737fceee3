package dev.testguard.probe;

import static dev.testguard.probe.LocalDatabases.mariadb;
import static dev.testguard.probe.LocalDatabases.postgres;
import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.db.SilentHosts;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnreachableProbeTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1000);
    private static final long SLACK_MILLIS = 700;

    /**
     * A port where nothing listens, held for the test: bound but never listening, so the kernel refuses every
     * connection to it and no other process can take it meanwhile (a port let go could be taken by then).
     */
    private static Socket refusingPort() throws IOException {
        Socket holder = new Socket();
        holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return holder;
    }

    /**
     * A refusal is told at once, not waited out as silence. What proves it is how it reads (no "no answer"), and that
     * the host is not remembered as silent; the clock only backs that up: a cold driver load on a busy machine takes
     * seconds, but waiting for the deadline would take all of it.
     */
    @Test
    void refusedConnectionIsUnreachableAtOnce() throws Exception {
        Duration deadline = Duration.ofSeconds(10);
        try (Socket refusing = refusingPort(); JdbcLiveProbe probe = new JdbcLiveProbe(deadline)) {
            int port = refusing.getLocalPort();
            for (JdbcUrl url : List.of(postgres("127.0.0.1", port, "app_test"), mariadb("127.0.0.1", port, "app_test"))) {
                LiveFacts facts = probe.inspect(url, new Credentials("someone", "Pw-In-Url-3321"));

                assertThat(facts.status()).as(url.raw()).isEqualTo(LiveFacts.Status.UNREACHABLE);
                assertThat(facts.message()).as(url.raw()).contains("127.0.0.1:" + port).doesNotContain("Pw-In-Url-3321")
                        .doesNotContain("no answer");
                assertThat(SilentHosts.known(url)).as(url.raw() + ": a refusal is not silence").isEmpty();
                assertThat(facts.millis()).as(url.raw()).isLessThan(deadline.toMillis());
            }
        }
    }

    /**
     * A server that accepts the TCP connection and then never says a word (a dead tunnel, a hung server): the
     * kernel completes the handshake from the backlog, nobody calls accept(). The driver would wait for the server's
     * greeting; the probe gives up at the timeout, and no probe of any vendor asks that host:port again in this build.
     */
    @Test
    void silentServerCostsTheTimeoutOnceForAllVendors() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = silent.getLocalPort();
            long start = System.nanoTime();
            LiveFacts facts;
            try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT)) {
                facts = probe.inspect(postgres("127.0.0.1", port, "one_test"), Credentials.NONE);
            }
            long firstMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(facts.status()).isEqualTo(LiveFacts.Status.UNREACHABLE);
            assertThat(facts.message()).isEqualTo("no answer from 127.0.0.1:" + port + " within 1000 ms");
            assertThat(firstMillis).isBetween(TIMEOUT.toMillis() - 50, TIMEOUT.toMillis() + SLACK_MILLIS);
            for (JdbcUrl other : List.of(mariadb("127.0.0.1", port, "two_test"), postgres("127.0.0.1", port, "two_test"))) {
                try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT)) {
                    start = System.nanoTime();
                    LiveFacts again = probe.inspect(other, Credentials.NONE);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertThat(again.status()).as(other.raw()).isEqualTo(LiveFacts.Status.UNREACHABLE);
                    assertThat(again.message()).as(other.raw()).contains("not retried");
                    assertThat(millis).as(other.raw()).isLessThan(50);
                }
            }
        }
    }

    /**
     * Connector/J's own connect timeout is the probe's timeout, and the deadline gives it a moment to fire first: that
     * path must read the same as the deadline's and remember the host as silent too.
     */
    @Test
    void driverTimeoutAndDeadlineReadTheSame() throws Exception {
        Duration deadline = Duration.ofMillis(300);
        for (int attempt = 0; attempt < 8; attempt++) {
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                    JdbcLiveProbe probe = new JdbcLiveProbe(deadline)) {
                int port = silent.getLocalPort();
                LiveFacts facts = probe.inspect(mariadb("127.0.0.1", port, "race_test"), Credentials.NONE);

                assertThat(facts.message()).isEqualTo("no answer from 127.0.0.1:" + port + " within 300 ms");
                assertThat(SilentHosts.known(postgres("127.0.0.1", port, "other_test"))).isPresent();
            }
        }
    }

    /** A long deadline: a first PgJDBC load on a busy machine takes seconds, and must not read as silence. */
    @Test
    void unknownHostIsUnreachableInWords() {
        try (JdbcLiveProbe probe = new JdbcLiveProbe(Duration.ofSeconds(10))) {
            LiveFacts facts = probe.inspect(postgres("no-such-host.invalid", 5432, "app_test"), Credentials.NONE);

            assertThat(facts.status()).isEqualTo(LiveFacts.Status.UNREACHABLE);
            assertThat(facts.message()).contains("unknown host 'no-such-host.invalid'");
        }
    }

    @Test
    void memoryAndContainerDatabasesAreNotChecked() {
        JdbcUrl memory = new JdbcUrl("jdbc:h2:mem:app", Vendor.H2, Storage.MEMORY, List.of(), false, "app", null, Map.of(), null, null);
        JdbcUrl container = new JdbcUrl("jdbc:tc:postgresql:15:///app", Vendor.TESTCONTAINERS, Storage.CONTAINER, List.of(), false,
                "app", null, Map.of(), null, null);
        JdbcUrl oracle = new JdbcUrl("jdbc:oracle:thin:@db:1521/APP", Vendor.ORACLE, Storage.SERVER, List.of(new HostPort("db", 1521)),
                false, "APP", null, Map.of(), null, null);
        try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT)) {
            assertThat(probe.inspect(memory, Credentials.NONE)).isEqualTo(LiveFacts.notChecked());
            assertThat(probe.inspect(container, Credentials.NONE)).isEqualTo(LiveFacts.notChecked());
            assertThat(probe.inspect(oracle, Credentials.NONE).status()).isEqualTo(LiveFacts.Status.NOT_CHECKED);
        }
    }
}
