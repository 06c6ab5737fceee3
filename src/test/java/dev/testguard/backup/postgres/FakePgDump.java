package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.backup.BackupStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** A stand-in pg_dump in a test's directory, and the check that a failed backup left nothing of it or of the store. */
final class FakePgDump {

    private FakePgDump() {
    }

    /** A pg_dump under {@code dir} that reports {@code version} and, asked to dump, runs {@code body} with {@code $file} its --file. */
    static Path write(Path dir, String version, String body) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("pg_dump");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" = --version ]; then echo 'pg_dump (PostgreSQL) " + version + "'; exit 0; fi\n"
                + "for a in \"$@\"; do case \"$a\" in --file=*) file=\"${a#--file=}\";; esac; done\n"
                + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** No backup and no {@code .partial} in {@code store}, and no fake pg_dump of {@code dir} (or its sleep) running. */
    static void assertNothingLeft(BackupStore store, Path dir) throws Exception {
        assertThat(store.list()).isEmpty();
        try (Stream<Path> s = Files.list(store.root())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        assertThat(running(dir)).as("pg_dump (or what it started) still running").isZero();
    }

    /** Children of this JVM that are a fake pg_dump of {@code dir} or its sleep, given a moment to be reaped. */
    private static long running(Path dir) throws InterruptedException {
        long running = 0;
        for (int i = 0; i < 50; i++) {
            try (Stream<ProcessHandle> s = ProcessHandle.current().descendants()) {
                running = s.filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString()) || c.contains("sleep 60")).orElse(false))
                        .count();
            }
            if (running == 0) {
                return 0;
            }
            Thread.sleep(100);
        }
        return running;
    }
}
