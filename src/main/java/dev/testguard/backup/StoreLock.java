package dev.testguard.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * An exclusive lock on a backup directory (an OS file lock on its {@code .lock} file), so two builds
 * on one machine, or two threads of one build, never interleave there. The OS drops it if the JVM dies.
 */
public final class StoreLock implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration WAIT_MESSAGE_EVERY = Duration.ofSeconds(10);

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path lockFile, Duration maxWait, Consumer<String> waiting) throws BackupException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long nextMessage = 0;
        while (true) {
            StoreLock held = tryOnce(lockFile);
            if (held != null) {
                return held;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                throw new BackupException("another testguard build has held the backup directory " + lockFile.getParent()
                        + " for more than " + maxWait.toSeconds() + "s. Wait for it to finish, or stop it; the lock"
                        + " is released when that build ends.");
            }
            if (now - nextMessage >= 0) {
                waiting.accept("waiting for another testguard build to finish with " + lockFile.getParent()
                        + " (gives up after " + maxWait.toSeconds() + "s)");
                nextMessage = now + WAIT_MESSAGE_EVERY.toNanos();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackupException("interrupted while waiting for the lock on " + lockFile.getParent());
            }
        }
    }

    private static StoreLock tryOnce(Path lockFile) throws BackupException {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            SecureFiles.ownerOnly(lockFile);
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return new StoreLock(ch, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by another thread of this JVM: wait like for another process
        } catch (IOException e) {
            closeQuietly(ch);
            throw new BackupException("cannot lock the backup directory (" + lockFile + "): " + e.getMessage()
                    + ". Check that it is writable, or choose another with -Dtestguard.backupDir=<dir>.", e);
        }
        closeQuietly(ch);
        return null;
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it anyway
        }
        closeQuietly(channel);
    }
}
