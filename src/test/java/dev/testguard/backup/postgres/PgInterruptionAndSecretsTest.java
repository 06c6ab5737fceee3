package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupCommand;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.BackupStore;
import dev.testguard.backup.KilledRestore;
import dev.testguard.backup.Manifest;
import dev.testguard.backup.PgTestDb;
import dev.testguard.backup.RestoreCommand;
import dev.testguard.backup.RetentionPolicy;
import dev.testguard.backup.VerifyBackupCommand;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgInterruptionAndSecretsTest {

    @TempDir
    Path dir;

    private final PgTestDb dbs = new PgTestDb();

    @AfterEach
    void dropDatabases() throws Exception {
        dbs.close();
    }

    @Test
    void backupKilledHalfWayNeverListsAndTheNextOneCleansUp() throws Exception {
        DatabaseTarget source = bigDatabase("killed");
        Process child = backupInChildJvm(source);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Optional<ProcessHandle> pgDump = Optional.empty();
            while (System.nanoTime() < deadline && child.isAlive()) {
                pgDump = child.descendants().filter(p -> p.info().command().map(c -> c.endsWith("pg_dump")).orElse(false)).findFirst();
                if (pgDump.isPresent() && partialPayloadSize() > 0) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(pgDump).as("pg_dump was seen running with a payload being written").isPresent();
            child.descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL pg_dump...
            child.destroyForcibly(); // ...and the JVM that ran it
            child.waitFor();
        } finally {
            child.destroyForcibly();
        }
        BackupStore store = new BackupStore(dir);
        assertThat(store.list()).isEmpty();
        assertThat(partials()).hasSize(1);

        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Manifest m = new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, log::add)
                .run(List.of(source)).get(0);
        assertThat(m.rowCounts()).containsEntry("public.big", 1_500_000L);
        assertThat(store.list()).extracting(b -> b.id()).containsExactly(m.id());
        assertThat(partials()).isEmpty();
        assertThat(log).anyMatch(l -> l.contains("interrupted backup"));
    }

    @Test
    void aBuildKilledOutrightLeavesNoPgDumpRunning() throws Exception {
        DatabaseTarget source = bigDatabase("orphan");
        Process child = backupInChildJvm(source);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && child.isAlive() && partialPayloadSize() == 0) {
                Thread.sleep(20);
            }
            assertThat(KilledRestore.toolsNaming(source.databaseName())).as("pg_dump was seen running").isNotEmpty();
            KilledRestore.killJvmAloneThenNoToolNames(child, source.databaseName());
        } finally {
            child.destroyForcibly();
        }
    }

    private DatabaseTarget bigDatabase(String purpose) throws Exception {
        DatabaseTarget source = dbs.create(purpose);
        PgTestDb.exec(source, "CREATE TABLE big AS SELECT g AS id, md5(g::text) || md5((g * 7)::text) AS payload"
                + " FROM generate_series(1, 1500000) g");
        return source;
    }

    /** Starts a backup of {@code source} in a child JVM, its output in a log beside the store. */
    private Process backupInChildJvm(DatabaseTarget source) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BackupInChildJvm.class.getName(), dir.toString(), source.databaseName())
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + "-child.log").toFile()).start();
    }

    private long partialPayloadSize() throws Exception {
        for (Path p : partials()) {
            Path payload = p.resolve("payload");
            if (Files.exists(payload)) {
                return Files.size(payload);
            }
        }
        return 0;
    }

    private List<Path> partials() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    @Test
    void passwordAppearsNowhere() throws Exception {
        DatabaseTarget owner = dbs.create("secret");
        String role = PgTestDb.uniqueName("role");
        String password = "S3cr3t-" + Long.toHexString(System.nanoTime()) + "-pw";
        PgTestDb.exec(owner, "CREATE ROLE " + role + " LOGIN CREATEDB PASSWORD '" + password + "'",
                "GRANT ALL ON SCHEMA public TO " + role);
        try {
            DatabaseTarget asRole = new DatabaseTarget(PgTestDb.url(owner.databaseName()), new Credentials(role, password));
            PgTestDb.exec(asRole, "CREATE TABLE t1 (x int)", "INSERT INTO t1 SELECT generate_series(1, 1000)",
                    "CREATE TABLE t2 (y text)", "INSERT INTO t2 VALUES ('a'), ('b')");
            for (int i = 0; i < 30; i++) {
                PgTestDb.exec(asRole, "CREATE TABLE many_" + i + " AS SELECT generate_series(1, 2000) AS v");
            }
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            List<String> argvSeen = Collections.synchronizedList(new ArrayList<>());
            // progress on every table: while pg_dump/pg_restore run, record every child process's argv
            dev.testguard.backup.Progress progress = line -> {
                output.add(line);
                ProcessHandle.current().descendants().forEach(p -> p.info().commandLine().ifPresent(argvSeen::add));
            };
            BackupStore store = new BackupStore(dir);
            BackupCommand backup = new BackupCommand(store, new RetentionPolicy(10, 30, null), BackupOptions.DEFAULTS, progress,
                    (t, o) -> new PgDumpEngine(Duration.ZERO), java.time.Clock.systemUTC(), Duration.ofMinutes(1));
            Manifest m = backup.run(List.of(asRole)).get(0);
            new VerifyBackupCommand(store, BackupOptions.DEFAULTS, progress, (t, o) -> new PgDumpEngine(Duration.ZERO),
                    java.time.Clock.systemUTC(), Duration.ofMinutes(1)).run(m.id(), asRole);
            // restore as the role into another database
            String other = PgTestDb.uniqueName("secretcopy");
            dbs.willCreate(other);
            RestoreCommand.Result r = new RestoreCommand(store, backup, BackupOptions.DEFAULTS, progress)
                    .run("latest", asRole, other, other);
            assertThat(r.rowsMatch()).isTrue();

            // a process may end before the scan sees it: require one sighting, and check the argument lists directly too
            assertThat(argvSeen).as("pg_dump or pg_restore was seen running").anyMatch(a -> a.contains("pg_dump") || a.contains("pg_restore"));
            assertThat(String.join(" ", PgDumpEngine.dumpArguments(asRole, dir.resolve("p"), new BackupOptions(2, null), "snap")))
                    .contains("user='" + role + "'").doesNotContain(password);
            assertThat(PgConnectionArgs.of(asRole).environment()).containsEntry("PGPASSWORD", password).hasSize(1);
            assertThat(argvSeen).noneMatch(a -> a.contains(password));
            assertThat(output).isNotEmpty().noneMatch(l -> l.contains(password));
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .as(f.toString()).doesNotContain(password);
                }
            }
            assertThat(Files.readString(dir.resolve(m.id()).resolve("manifest.json"))).contains(owner.databaseName()).doesNotContain(password);
        } finally {
            dbs.close();
            PgTestDb.exec(PgTestDb.target("postgres"), "DROP ROLE IF EXISTS " + role);
        }
    }
}
