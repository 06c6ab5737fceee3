package dev.testguard.jdbc;

/** One host of a JDBC URL; {@code port} is null when the URL leaves it to the driver's default. */
public record HostPort(String host, Integer port) {

    @Override
    public String toString() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == null ? h : h + ":" + port;
    }

    // written out: a record's generated equals bootstraps java.lang.runtime.ObjectMethods (some 40 classes spun),
    // which the runtime guard's first connection paid when masking; these compare the same components
    @Override
    public boolean equals(Object other) {
        return other instanceof HostPort h && java.util.Objects.equals(host, h.host)
                && java.util.Objects.equals(port, h.port);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(host, port);
    }
}
