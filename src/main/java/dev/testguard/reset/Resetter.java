package dev.testguard.reset;

import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.guard.DestructiveGuard;
import dev.testguard.guard.DestructiveRefusal;
import dev.testguard.probe.DatabaseFacts;
import dev.testguard.jdbc.Secrets;
import dev.testguard.jdbc.Storage;
import dev.testguard.probe.Stamp;
import dev.testguard.work.BackgroundWork;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Resets one database that the caller has already classified TEST or EPHEMERAL (see {@link ResetGuard}).
 * <ul>
 *   <li>{@code save}: captures the current state as the baseline; nothing is reset.</li>
 *   <li>{@code use} (default): a baseline whose key matches is restored. With none, the database is emptied and the
 *       init scripts run; when there are init scripts, the result is saved as the baseline so the next reset is fast.
 *       A stale baseline (its inputs changed) that init scripts built is rebuilt that way; one a user saved is left
 *       alone, the database is reset empty (plus init scripts) and a warning says how to re-save it.</li>
 *   <li>{@code ignore}: empty plus init scripts, baselines untouched.</li>
 * </ul>
 * Afterwards the database is stamped {@code test}. A database stamped {@code protected} is refused whatever the
 * classification said (a file database under the temp directory counts as ephemeral before its stamp is read).
 * Resets of one server database take turns on a server-side lock ({@link DatabaseLock}), and one is reported done only
 * once the database is seen to exist over a fresh connection. Work that may follow a reset (PostgreSQL's next spare
 * copy) goes to the {@link BackgroundWork} given with {@link #withBackgroundWork} (the build, in Maven); by default it
 * runs inline, before {@code reset} returns. A reset first awaits what earlier resets left there.
 */
public final class Resetter {

    /** How long a reset waits for another run working on the same database. */
    static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final Path baseDir;
    private final TestStamps stamps;
    private final Clock clock;
    private final DestructiveGuard guard;
    private final BackgroundWork work;

    public Resetter(Path baseDir, String project, Clock clock) {
        this(baseDir, project, clock, DestructiveGuard.withDefaults("reset"));
    }

    public Resetter(Path baseDir, String project, Clock clock, DestructiveGuard guard) {
        this(baseDir, clock, new TestStamps(clock, project), guard, BackgroundWork.inline());
    }

    private Resetter(Path baseDir, Clock clock, TestStamps stamps, DestructiveGuard guard, BackgroundWork work) {
        this.baseDir = baseDir;
        this.clock = clock;
        this.stamps = stamps;
        this.guard = guard;
        this.work = work;
    }

    /** This resetter, handing the work that may follow a reset to {@code owner}, which runs, awaits and logs it. */
    public Resetter withBackgroundWork(BackgroundWork owner) {
        return new Resetter(baseDir, clock, stamps, guard, owner);
    }

    public ResetOutcome reset(DatabaseTarget target, ResetOptions options) throws ResetException {
        return reset(target, options, List.of());
    }

    /**
     * @param overrides the override entries that let {@code target} pass classification (empty when none did): such a
     *                  database is reset only when stamped {@code test} or confirmed, and is never stamped {@code test}
     */
    public ResetOutcome reset(DatabaseTarget target, ResetOptions options, List<String> overrides) throws ResetException {
        long start = System.nanoTime();
        // the lock is released before the vendor closes: its background work takes the same lock
        try (VendorReset vendor = VendorResets.forTarget(target, baseDir, work, stamps)) {
            DatabaseTarget db = vendor.connectable(target);
            work.awaitAll();
            try (DatabaseLock lock = DatabaseAdmins.forTarget(db).lock(db.databaseName(), LOCK_WAIT)) {
                ResetOutcome outcome = resetLocked(vendor, db, target, options, overrides, start);
                requirePresent(db);
                return outcome;
            }
        } catch (DestructiveRefusal e) {
            throw new ResetException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new ResetException("testguard could not reset " + target + ": "
                    + Secrets.maskText(e.getMessage(), target.effectiveCredentials()) + hint(e), e);
        }
    }

    private ResetOutcome resetLocked(VendorReset vendor, DatabaseTarget db, DatabaseTarget target, ResetOptions options,
                                     List<String> overrides, long start) throws SQLException, ResetException, DestructiveRefusal {
        refuseProtectedStamp(vendor.stamp(db), db);
        if (options.mode() == BaselineMode.SAVE) {
            if (!vendor.exists(db)) {
                throw new ResetException(target + " does not exist: there is nothing to save as a baseline."
                        + " Create it (run the migrations) first.");
            }
            vendor.saveBaseline(db, info(db, options, BaselineInfo.BUILT_BY_SAVE));
            return new ResetOutcome(target.toString(), "saved its current state as the baseline", millisSince(start), null);
        }
        boolean mayStamp = true;
        if (vendor.exists(db)) {
            DatabaseFacts facts = guard.check(db, overrides);
            mayStamp = DestructiveGuard.mayStampTest(facts, overrides);
        }
        String[] actionAndWarning = options.mode() == BaselineMode.IGNORE
                ? new String[] {emptyPlusInit(vendor, db, options), null}
                : useBaseline(vendor, db, target, options);
        String action = actionAndWarning[0];
        if (mayStamp) {
            vendor.writeStamp(db, stamps.testStamp());
        } else {
            action += "; not stamped test (it passed only by an override: stamp it yourself if it is a test database)";
        }
        return new ResetOutcome(target.toString(), action, millisSince(start), actionAndWarning[1]);
    }

    /** The {@code use} mode: what was done, and a warning or null. */
    private String[] useBaseline(VendorReset vendor, DatabaseTarget db, DatabaseTarget target, ResetOptions options)
            throws SQLException, ResetException {
        Optional<BaselineInfo> baseline = vendor.baseline(db);
        if (baseline.isPresent() && baseline.get().key().equals(options.baselineKey())) {
            vendor.restoreBaseline(db, db);
            return new String[] {"restored the baseline saved " + baseline.get().savedAt(), null};
        }
        if (baseline.isPresent() && !baseline.get().builtByInitScripts()) {
            return new String[] {emptyPlusInit(vendor, db, options), "the baseline of " + target + " (saved "
                    + baseline.get().savedAt() + ") is stale: the files that built it (<baselineInputs>) changed since."
                    + " It was not used. Bring the database up to date (run the migrations), then save it again:"
                    + " mvn testguard:reset -Dtestguard.baseline=save"};
        }
        String action = emptyPlusInit(vendor, db, options);
        if (!options.initScripts().isEmpty()) {
            vendor.saveBaseline(db, info(db, options, BaselineInfo.BUILT_BY_INIT_SCRIPTS));
            action += baseline.isPresent() ? "; its stale baseline was rebuilt from them" : "; saved as the baseline for the next reset";
        }
        return new String[] {action, null};
    }

    /** Checked over a fresh connection, so that a success is never reported for a database that is gone. */
    private static void requirePresent(DatabaseTarget db) throws SQLException, ResetException {
        if (db.url().storage() == Storage.SERVER && !DatabaseAdmins.forTarget(db).exists(db.databaseName())) {
            throw new ResetException("testguard reset " + db + " but it is missing afterwards: something else dropped it"
                    + " meanwhile (another build, a person). Nothing was reported as reset; run the reset again.");
        }
    }

    private String emptyPlusInit(VendorReset vendor, DatabaseTarget db, ResetOptions options) throws SQLException, ResetException {
        vendor.wipe(db);
        int statements = new InitScripts(baseDir).run(db, options.initScripts());
        return options.initScripts().isEmpty() ? "emptied"
                : "emptied and ran " + options.initScripts().size() + " init script(s) (" + statements + " statements)";
    }

    private BaselineInfo info(DatabaseTarget db, ResetOptions options, String builtBy) {
        return new BaselineInfo(options.baselineKey(), Instant.now(clock), db.databaseName(), builtBy);
    }

    private static void refuseProtectedStamp(Optional<Stamp> stamp, DatabaseTarget db) throws ResetException {
        if (stamp.isPresent() && stamp.get().role() == Stamp.Role.PROTECTED) {
            throw new ResetException("testguard refuses to reset " + db + ": it is stamped protected"
                    + (stamp.get().stampedBy() == null ? "" : " (by " + stamp.get().stampedBy() + ")")
                    + ". Nothing was touched. Point the tests at a test database instead.");
        }
    }

    private static String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("42501") || e.getErrorCode() == 1044 || e.getErrorCode() == 1142 || e.getErrorCode() == 1045) {
            return ". Reset needs rights to drop and create the database (or its objects): connect as its owner with"
                    + " -Dtestguard.username and -Dtestguard.password, or -Dtestguard.serverId.";
        }
        if (state.startsWith("08")) {
            return ". Check that the server runs and the URL is right.";
        }
        return "";
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
