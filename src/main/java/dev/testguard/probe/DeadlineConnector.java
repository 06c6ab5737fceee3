package dev.testguard.probe;

import dev.testguard.db.Connections;
import dev.testguard.db.SilentHosts;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Opens a connection with a hard deadline. The drivers' own connect timeouts do not cover a server that
 * accepts the TCP connection and then never speaks (a dead tunnel, a hung server): Connector/J would wait
 * forever for the handshake. So the connect runs on a daemon thread, and a connection that arrives after
 * we gave up is closed as soon as it does.
 */
final class DeadlineConnector implements AutoCloseable {

    /** Thrown when nothing answered within the deadline. */
    static final class NoAnswerException extends Exception {
        NoAnswerException(String message) {
            super(message);
        }
    }

    /** The drivers' own timeouts get the first word; the deadline is the backstop for a driver that has none. */
    private static final long DRIVER_GRACE_MILLIS = 200;

    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "testguard-connect");
        thread.setDaemon(true);
        return thread;
    });

    Connection open(JdbcUrl url, Credentials credentials, Duration timeout) throws SQLException, NoAnswerException {
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<Connection> future = executor.submit(() -> {
            Connection connection = Connections.open(url, credentials, timeout);
            if (abandoned.get()) {
                closeQuietly(connection);
            }
            return connection;
        });
        try {
            return future.get(Math.max(1, timeout.toMillis()) + DRIVER_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandoned.set(true);
            future.cancel(true);
            throw silent(url, timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException) {
                // the driver's own timeout can fire a moment before ours (Connections then records the silent
                // host): the same silence, told the same way
                if (SilentHosts.known(url).isPresent()) {
                    throw silent(url, timeout);
                }
                throw (SQLException) e.getCause();
            }
            throw new SQLException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned.set(true);
            future.cancel(true);
            throw new NoAnswerException("interrupted while connecting");
        } finally {
            if (abandoned.get() && future.isDone() && !future.isCancelled()) {
                try {
                    closeQuietly(future.get());
                } catch (Exception ignored) {
                    // it failed: nothing to close
                }
            }
        }
    }

    private static NoAnswerException silent(JdbcUrl url, Duration timeout) {
        SilentHosts.record(url, timeout.toMillis());
        return new NoAnswerException("no answer within " + timeout.toMillis() + " ms");
    }

    /** Bounds every later network wait of the connection, where the driver supports it. */
    void boundNetwork(Connection connection, Duration timeout) {
        try {
            connection.setNetworkTimeout(executor, (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
        } catch (SQLException | UnsupportedOperationException e) {
            // embedded engines have no network to bound
        }
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // closing is best effort
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
