package dev.testguard.probe;

import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures what the live checks cost a build: the wall time spent in {@link LiveProbe#inspect} and how many
 * distinct databases were really checked (ephemeral and offline URLs are not). Thread-safe.
 */
public final class TimedLiveProbe implements LiveProbe {

    private final LiveProbe probe;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();
    private final AtomicLong nanos = new AtomicLong();

    public TimedLiveProbe(LiveProbe probe) {
        this.probe = probe;
    }

    @Override
    public LiveFacts inspect(JdbcUrl url, Credentials credentials) {
        long start = System.nanoTime();
        try {
            LiveFacts facts = probe.inspect(url, credentials);
            if (url != null && facts != null && facts.status() != LiveFacts.Status.NOT_CHECKED) {
                checked.add(url.raw());
            }
            return facts;
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** How many distinct databases were connected to (or tried). */
    public int databases() {
        return checked.size();
    }

    public long millis() {
        return nanos.get() / 1_000_000;
    }

    /** One line for the build log, e.g. {@code live checks: 3 databases in 41 ms}. */
    public String summary() {
        int n = databases();
        return "live checks: " + n + (n == 1 ? " database" : " databases") + " in " + millis() + " ms";
    }
}
