package dev.testguard.provision;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Secrets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/** A provision's claim of a whole ready set of spares (MariaDB, {@link SparePool#inSets}), recorded before it commits. */
final class SetClaim {

    private final ProvisionRegistry registry;
    private final DatabaseTarget server;
    private final Function<List<String>, Map<String, ProvisionedDatabase>> recordsOf;

    /** {@code records}: a record with a fresh token for each name (fork order), by name. */
    SetClaim(ProvisionRegistry registry, DatabaseTarget server,
             Function<List<String>, Map<String, ProvisionedDatabase>> records) {
        this.registry = registry;
        this.server = server;
        this.recordsOf = records;
    }

    /**
     * Claims a whole ready set of spares ({@link SparePool#inSets}), its names in fork order mapped to their records, or
     * none. Each candidate is recorded while its claim runs (on a thread of its own: the registry's forced write costs as
     * much as the claim) and before the claim commits (a failed record rolls the claim back); it is taken off again when
     * another build won the set. A failing claim changes nothing (one transaction) and fails the provision.
     */
    Map<String, ProvisionedDatabase> claim(SparePool pool) throws ProvisionException {
        try (Connection c = pool.connect()) {
            for (List<String> set : pool.readySets(c)) {
                Map<String, ProvisionedDatabase> records = recordsOf.apply(set);
                FutureTask<Void> recording = new FutureTask<>(() -> {
                    registry.add(records.values());
                    return null;
                });
                Thread recorder = new Thread(recording, "testguard-record-set");
                recorder.setDaemon(true);
                recorder.start();
                if (claimRecorded(pool, c, set, records, recording)) {
                    return records;
                }
            }
            return Map.of();
        } catch (SQLException e) {
            throw new ProvisionException("testguard could not hand out a ready set of copies of the baseline on " + server
                    + ": " + Secrets.maskText(String.valueOf(e.getMessage()), server.effectiveCredentials()) + ". Nothing was changed; -Dtestguard.spares=0 turns the pool of copies off.", e);
        }
    }

    /** The claim of {@code set}, committed only once {@code recording} recorded it; when not won, taken off the registry. */
    private boolean claimRecorded(SparePool pool, Connection c, List<String> set, Map<String, ProvisionedDatabase> records,
                                  FutureTask<Void> recording) throws SQLException, ProvisionException {
        boolean won = false;
        try {
            won = pool.claimSet(c, set, records.values().stream().map(ProvisionedDatabase::token).toList(),
                    () -> awaitRecord(recording));
            return won;
        } catch (SQLException e) {
            if (e.getCause() instanceof ProvisionException recordFailed) {
                throw recordFailed;
            }
            throw e;
        } finally {
            if (!won) {
                boolean interrupted = false;
                try {
                    recording.get(); // done before the entries go again, recorded or not
                } catch (ExecutionException ignored) {
                    // not recorded
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                registry.remove(records.keySet());
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Waits for {@code recording}; its failure as an SQLException that carries it (the claim then rolls back). */
    private static void awaitRecord(FutureTask<Void> recording) throws SQLException {
        try {
            recording.get();
        } catch (ExecutionException e) {
            throw new SQLException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while recording the set", e);
        }
    }
}
