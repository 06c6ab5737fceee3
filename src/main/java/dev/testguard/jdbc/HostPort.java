package dev.testguard.jdbc;

/** One host of a JDBC URL; {@code port} is null when the URL leaves it to the driver's default. */
public record HostPort(String host, Integer port) {

    @Override
    public String toString() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == null ? h : h + ":" + port;
    }
}
