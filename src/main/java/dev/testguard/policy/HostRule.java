package dev.testguard.policy;

import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every host must be local (loopback, unix socket), allowed by configuration, or a CI service container. */
public final class HostRule implements Rule {

    public static final String ID = "host";

    private final PolicySettings settings;

    public HostRule(PolicySettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Decision evaluate(Target target) {
        JdbcUrl url = target.url();
        if (url.storage() != Storage.SERVER && url.storage() != Storage.UNKNOWN || url.unixSocket()) {
            return Decision.pass(); // embedded files, memory, containers and sockets are on this machine
        }
        if (url.hosts().isEmpty()) {
            if (url.storage() == Storage.SERVER) {
                return Decision.pass(); // the driver connects to localhost
            }
            return Decision.fail("Could not tell which host this URL connects to.",
                    "Write the host explicitly in the URL (for example localhost), or, if it is a test database, "
                            + "name it in the testguard <allowDatabases> configuration.");
        }
        List<String> offending = new ArrayList<>();
        for (HostPort hostPort : url.hosts()) {
            if (acceptance(hostPort.host()) == null) {
                offending.add(hostPort.host());
            }
        }
        if (offending.isEmpty()) {
            return Decision.pass();
        }
        String hosts = String.join(", ", offending);
        String ciHint = !settings.ci() && offending.stream().allMatch(Hosts::isSingleLabel)
                ? " Single-label service hosts such as '" + offending.get(0) + "' count as local only when the build "
                + "runs in CI (CI=true)."
                : "";
        return Decision.fail((offending.size() == 1 ? "The host " : "The hosts ") + hosts
                        + (offending.size() == 1 ? " is" : " are") + " not local: not loopback, not a unix socket "
                        + "and not listed in <allowedHosts>." + ciHint,
                "Run the test database on this machine (localhost) or in Testcontainers (jdbc:tc:...). If " + hosts
                        + " only ever serves test databases, add it to <allowedHosts> in the testguard plugin "
                        + "configuration.");
    }

    /** Why the host counts as local, in a few words; null when it does not. */
    String acceptance(String host) {
        if (Hosts.isLoopback(host)) {
            return "host " + host + " is local";
        }
        if (isAllowed(host)) {
            return "host " + host + " is in allowedHosts";
        }
        if (settings.ci() && Hosts.isSingleLabel(host)) {
            return "host " + host + " is a CI service host";
        }
        return null;
    }

    /** A short description of where the database lives, for the TEST verdict's reason. */
    String describeLocation(JdbcUrl url) {
        if (url.storage() == Storage.FILE) {
            return "it is a local file";
        }
        if (url.unixSocket()) {
            return "it is reached through a unix socket";
        }
        if (url.hosts().isEmpty()) {
            return "host is local (driver default)";
        }
        List<String> parts = new ArrayList<>();
        for (HostPort hostPort : url.hosts()) {
            String why = acceptance(hostPort.host());
            if (why != null && !parts.contains(why)) {
                parts.add(why);
            }
        }
        return String.join(", ", parts);
    }

    private boolean isAllowed(String host) {
        String h = Hosts.normalize(host);
        for (String allowed : settings.allowedHosts()) {
            String a = allowed.trim().toLowerCase(Locale.ROOT);
            if (a.startsWith("*.")) {
                if (h.endsWith(a.substring(1)) && h.length() > a.length() - 1) {
                    return true;
                }
            } else if (!a.isEmpty() && Hosts.normalize(a).equals(h)) {
                return true;
            }
        }
        return false;
    }
}
