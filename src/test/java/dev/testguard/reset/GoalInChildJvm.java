package dev.testguard.reset;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.mysql.MariaDbFixture;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.guard.DestructiveGuard;
import dev.testguard.jdbc.Credentials;
import dev.testguard.policy.PolicySettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One "build" of {@link FourBuildsAtOnceTest}: a JVM that runs the goal's domain class the way its mojo does, once per
 * {@code go} line on standard input, and answers one line: {@code OK present=<bool> <what it did>} or {@code FAIL <msg>}.
 * After a success it checks, holding the database lock both goals take (so no other build is half-way), that the database exists.
 * Args: {@code reset|restore}, {@code pg|maria}, database, user, the project (reset) or backup (restore) directory.
 */
public final class GoalInChildJvm {

    private static final Duration WAIT = Duration.ofMinutes(5);

    public static void main(String[] args) throws Exception {
        String goal = args[0];
        String database = args[2];
        DatabaseTarget target = new DatabaseTarget(args[1].equals("pg") ? PgTestDb.url(database) : MariaDbFixture.url(database),
                new Credentials(args[3], null));
        Path dir = Path.of(args[4]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); "go".equals(line); line = in.readLine()) {
            String answer;
            try {
                String did = goal.equals("reset") ? reset(target, dir) : restore(target, dir);
                answer = "OK present=" + present(target) + " " + did;
            } catch (Exception e) {
                answer = "FAIL " + e.getMessage();
            }
            System.out.println(answer.replace('\n', ' '));
            System.out.flush();
        }
    }

    /** As ResetMojo does it, for a build whose last goal is reset (its background work done before it returns). */
    private static String reset(DatabaseTarget target, Path project) throws Exception {
        ResetOptions options = new ResetOptions(BaselineMode.USE, List.of(),
                BaselineKey.of(project, List.of(Path.of("src/main/resources/db/migration"))));
        String action = new Resetter(project, "g:a", Clock.systemUTC(),
                new DestructiveGuard("reset", PolicySettings.DEFAULT_MAX_ROWS, null)).reset(target, options).action();
        return action;
    }

    /** As RestoreMojo does it. */
    private static String restore(DatabaseTarget target, Path storeDir) throws BackupException {
        BackupStore store = new BackupStore(storeDir);
        RestoreCommand.Result r = new RestoreCommand(store, new BackupCommand(store, new RetentionPolicy(0, 0, null),
                BackupOptions.DEFAULTS, line -> { }), BackupOptions.DEFAULTS, line -> { }, DatabaseAdmins::forTarget,
                BackupCommand.DEFAULT_LOCK_WAIT, PolicySettings.DEFAULT_MAX_ROWS)
                .run("latest", target, null, target.databaseName());
        if (!r.rowsMatch()) {
            throw new IllegalStateException("restored row counts differ from the manifest: " + r.rows());
        }
        return "restored " + r.restored().id() + "; previous state: " + r.safetyCopy();
    }

    /** Reset and restore both hold the database's lock while they work: holding it, no goal is half-way. */
    private static boolean present(DatabaseTarget target) throws Exception {
        String name = target.databaseName();
        try (DatabaseLock lock = DatabaseAdmins.forTarget(target).lock(name, WAIT)) {
            return DatabaseAdmins.forTarget(target).exists(name);
        }
    }
}
