package dev.testguard.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay in front of a local database server that counts round trips on the wire: each time the client
 * speaks after the server did, the client waits once more for an answer. It sees what the drivers really send
 * (their own session set-up and internal queries included), whatever the vendor or the JDBC calls behind it.
 */
public final class RoundTripRelay implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket listener;
    private final List<Socket> sockets = new ArrayList<>();
    private final Object turn = new Object();
    private int roundTrips;
    private int openConnections;

    public RoundTripRelay(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptAll, "round-trip-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The local port that leads to the server. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Round trips since the relay started or since the last {@link #reset}. */
    public int roundTrips() {
        synchronized (turn) {
            return roundTrips;
        }
    }

    public void reset() {
        synchronized (turn) {
            roundTrips = 0;
        }
    }

    /**
     * Waits until every relayed connection is closed, so that a client's last words (a driver sends its goodbye
     * without waiting for an answer) are counted before {@link #roundTrips} is read.
     */
    public void awaitAllClosed() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        synchronized (turn) {
            while (openConnections > 0 && System.nanoTime() < deadline) {
                turn.wait(100);
            }
            if (openConnections > 0) {
                throw new IllegalStateException(openConnections + " relayed connection(s) still open after 10 s");
            }
        }
    }

    private void acceptAll() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(server);
                }
                synchronized (turn) {
                    openConnections++;
                }
                boolean[] clientSpokeLast = {false};
                pump(client, server, true, clientSpokeLast);
                pump(server, client, false, clientSpokeLast);
            }
        } catch (IOException e) {
            // closed: the test is over
        }
    }

    /** {@code clientSpokeLast}: the turn of one connection, guarded by {@link #turn}. */
    private void pump(Socket from, Socket to, boolean fromClient, boolean[] clientSpokeLast) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (turn) {
                        if (fromClient && !clientSpokeLast[0]) {
                            roundTrips++;
                        }
                        clientSpokeLast[0] = fromClient;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side hung up
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                if (fromClient) {
                    synchronized (turn) {
                        openConnections--;
                        turn.notifyAll();
                    }
                }
            }
        }, "round-trip-relay-" + (fromClient ? "up" : "down"));
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (sockets) {
            sockets.forEach(RoundTripRelay::closeQuietly);
        }
    }
}
