package dev.testguard.backup;

import dev.testguard.db.DatabaseAdmin;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scratch databases verify-backup restores into. Each name says which process made it:
 * {@code tg_verify_<host hash>_<pid>_<process start, epoch seconds in hex>_<random>}, so when a killed build leaves
 * one behind, the next run on the same host sees that its maker is gone and drops it. One made on another host, or
 * by a process that still runs (same pid and start time), is left alone.
 */
final class ScratchDatabases {

    static final String PREFIX = "tg_verify_";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "([0-9a-f]{8})_(\\d+)_([0-9a-f]+)_[0-9a-f]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScratchDatabases() {
    }

    /** A new name owned by this process. */
    static String newName() {
        ProcessHandle self = ProcessHandle.current();
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return PREFIX + hostHash() + "_" + self.pid() + "_" + startHex(self.info().startInstant()) + "_"
                + HexFormat.of().formatHex(random);
    }

    /** Whether {@code name} is a scratch database made on this host by a process that has ended. */
    static boolean makerIsGone(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches() || !m.group(1).equals(hostHash())) {
            return false;
        }
        Optional<ProcessHandle> maker = ProcessHandle.of(Long.parseLong(m.group(2))).filter(ProcessHandle::isAlive);
        return maker.isEmpty() || !startHex(maker.get().info().startInstant()).equals(m.group(3));
    }

    /** Drops the scratch databases on {@code admin}'s server whose makers are gone; returns their names. */
    static List<String> dropLeftovers(DatabaseAdmin admin) throws SQLException {
        List<String> dropped = new ArrayList<>();
        for (String name : admin.databasesStartingWith(PREFIX)) {
            if (makerIsGone(name)) {
                admin.drop(name);
                dropped.add(name);
            }
        }
        return dropped;
    }

    static String hostHash() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = String.valueOf(System.getenv("HOSTNAME"));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(host.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String startHex(Optional<Instant> start) {
        return Long.toHexString(start.map(Instant::getEpochSecond).orElse(0L));
    }
}
