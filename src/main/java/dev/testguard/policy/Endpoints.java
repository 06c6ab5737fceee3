package dev.testguard.policy;

import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import java.util.ArrayList;
import java.util.List;

/** The servers a URL connects to, in one spelling: normalized host plus the port the driver really uses. */
public final class Endpoints {

    private Endpoints() {
    }

    /** {@code localhost:5432} style endpoints; a URL naming no host (or a unix socket) means localhost. */
    public static List<String> of(JdbcUrl url) {
        List<String> out = new ArrayList<>();
        if (url.hosts().isEmpty()) {
            out.add(endpoint(null, DefaultPorts.of(url.vendor())));
            return out;
        }
        for (HostPort hostPort : url.hosts()) {
            out.add(endpoint(hostPort.host(), DefaultPorts.effective(hostPort, url.vendor())));
        }
        return out;
    }

    static String endpoint(String host, Integer port) {
        return Hosts.normalize(host) + ":" + (port == null ? "default" : port);
    }
}
