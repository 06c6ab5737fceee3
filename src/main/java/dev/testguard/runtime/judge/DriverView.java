package dev.testguard.runtime.judge;

import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.policy.Classification;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.DefaultPorts;
import dev.testguard.policy.Verdict;
import dev.testguard.probe.LiveFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The target a driver itself reads from a URL and its properties, by its own parser, before it opens anything
 * ({@link DriverReadings}). The guard judges its own reading of the URL; when the driver reads another database,
 * host, port or user, or cannot read the URL at all, the guard cannot tell what the driver would open, and refuses.
 *
 * @param driver   the driver's name, for messages
 * @param database the database the driver opens, or null for the server default
 * @param hosts    host:port in the driver's order
 * @param user     the user the driver logs in as, or null when it names none
 */
public record DriverView(String driver, String database, List<String> hosts, String user) {

    /** Reads the driver's view; null when this driver publishes none (an unknown driver or version). */
    @FunctionalInterface
    public interface Reading {

        DriverView read() throws Rejected;
    }

    /** The driver's own parser rejects the URL: it would throw before connecting. */
    public static final class Rejected extends Exception {

        private static final long serialVersionUID = 1L;
        private final String driver;

        Rejected(String driver, Throwable cause) {
            super(cause.getClass().getName(), cause);
            this.driver = driver;
        }

        String driver() {
            return driver;
        }
    }

    public DriverView {
        hosts = List.copyOf(hosts);
    }

    /** The refusal when the driver rejects the URL; its message is not repeated, it may quote the password. */
    static Verdict rejected(JdbcUrl guard, Rejected e) {
        String userInfo = authority(guard.raw()).contains("@") ? " It reads no user info (user:password@) in front "
                + "of the host: pass the user and password as connection properties." : "";
        return refusal("url", e.driver() + " cannot read this URL (it throws " + e.getMessage()
                + ", whose message is not shown: it may quote the password), so testguard cannot tell which database"
                + " it would open." + userInfo, "Write the URL the way " + e.driver() + " documents it.", guard);
    }

    /** The refusal when the driver reads another target than the guard; null when both agree. */
    Verdict disagreement(JdbcUrl guard) {
        List<String> guardHosts = new ArrayList<>();
        for (HostPort h : guard.hosts()) {
            HostPort filled = DefaultPorts.filledIn(h, guard.vendor());
            guardHosts.add(host(filled.host()) + ":" + filled.port());
        }
        List<String> driverHosts = new ArrayList<>(); // a loop, not a stream: run at the test JVM's first connection
        for (String h : hosts) {
            driverHosts.add(hostPort(h));
        }
        boolean sameHosts = guard.unixSocket() || guard.hosts().isEmpty() || guardHosts.equals(driverHosts);
        boolean sameUser = user == null || guard.user() == null || user.equals(guard.user());
        if (sameHosts && sameUser && Objects.equals(blankToNull(database), blankToNull(guard.databaseName()))) {
            return null;
        }
        return refusal(Classifier.AMBIGUOUS, driver + " reads this URL otherwise than testguard: it opens database "
                + quoted(database) + " on " + driverHosts.stream().map(DriverView::shown).toList()
                + (user == null ? "" : " as " + quoted(user))
                + ", testguard reads database " + quoted(guard.databaseName()) + " on " + guardHosts
                + (guard.user() == null ? "" : " as " + quoted(guard.user())) + ".",
                "Name the database, host and port once each, in the URL's usual place, and pass the user and "
                        + "password as connection properties.", guard);
    }

    private static Verdict refusal(String rule, String reason, String fix, JdbcUrl url) {
        return new Verdict(Classification.PROTECTED, rule, reason, fix, url, LiveFacts.notChecked(), List.of());
    }

    /** A host as shown: what a driver took for part of it from a user info ({@code user:password@}) is masked. */
    private static String shown(String hostPort) {
        int at = hostPort.lastIndexOf('@');
        return at < 0 ? hostPort : "****" + hostPort.substring(at);
    }

    private static String hostPort(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return host(hostPort.substring(0, colon)) + hostPort.substring(colon);
    }

    private static String host(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static String authority(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return "";
        }
        String rest = url.substring(start + 2);
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String quoted(String s) {
        return s == null ? "none" : "'" + s + "'";
    }
}
