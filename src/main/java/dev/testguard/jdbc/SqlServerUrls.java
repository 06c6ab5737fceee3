package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;

/**
 * Microsoft: {@code jdbc:sqlserver://[host[\instance][:port]][;key=value...]} with {@code serverName},
 * {@code databaseName}/{@code database}, {@code user}, {@code password} properties ({@code {braced}} values allowed);
 * jTDS: {@code jdbc:jtds:sqlserver://host[:port][/db][;key=value...]}.
 */
final class SqlServerUrls {

    static final String PREFIX = "jdbc:sqlserver:";
    static final String JTDS_PREFIX = "jdbc:jtds:sqlserver:";

    private SqlServerUrls() {
    }

    static JdbcUrl parse(String url) {
        boolean jtds = UrlText.startsWithIgnoreCase(url, JTDS_PREFIX);
        String rest = url.substring((jtds ? JTDS_PREFIX : PREFIX).length());
        if (!rest.startsWith("//")) {
            throw fail(url, "'//' must follow the sub-protocol; write jdbc:sqlserver://host:1433;databaseName=name");
        }
        rest = rest.substring(2);
        UrlBuilder b = new UrlBuilder(url, Vendor.SQLSERVER).storage(Storage.SERVER);
        int semicolon = rest.indexOf(';');
        String server = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (semicolon >= 0) {
            properties(url, rest.substring(semicolon), b);
        }
        if (jtds) {
            int slash = server.indexOf('/');
            if (slash >= 0) {
                b.databaseName = server.substring(slash + 1);
                server = server.substring(0, slash);
            }
        }
        if (server.isEmpty()) {
            server = firstNonNull(b.parameterIgnoreCase("serverName"), "");
            String port = firstNonNull(b.parameterIgnoreCase("portNumber"), b.parameterIgnoreCase("port"));
            if (port != null && !server.isEmpty()) {
                server = server + ":" + port;
            }
        }
        // host\instance: the instance picks a server on that host; the host is what decides where data lives.
        int backslash = server.indexOf('\\');
        String hostAndPort = backslash < 0 ? server
                : server.substring(0, backslash) + portSuffix(server.substring(backslash + 1));
        b.hosts.add(UrlText.hostPort(url, hostAndPort, UrlText.LOCALHOST));
        if (b.databaseName == null || b.databaseName.isEmpty()) {
            b.databaseName = firstNonNull(b.parameterIgnoreCase("databaseName"), b.parameterIgnoreCase("database"));
        }
        b.credentialsFromParameters("user", "password");
        b.credentialsFromParameters("userName", "password");
        return b.build();
    }

    /** {@code ;key=value;key={value;with;semicolons}}: splits on ';' outside braces. */
    private static void properties(String url, String text, UrlBuilder b) {
        int start = 0;
        boolean braced = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ';';
            if (c == '{') {
                braced = true;
            } else if (c == '}') {
                braced = false;
            } else if (c == ';' && !braced) {
                property(url, text.substring(start, i).trim(), b);
                start = i + 1;
            }
        }
    }

    private static void property(String url, String pair, UrlBuilder b) {
        if (pair.isEmpty()) {
            return;
        }
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw fail(url, "the property '" + pair + "' is not key=value");
        }
        String value = pair.substring(eq + 1).trim();
        if (value.startsWith("{") && value.endsWith("}")) {
            value = value.substring(1, value.length() - 1);
        }
        b.parameters.put(pair.substring(0, eq).trim(), value);
    }

    private static String portSuffix(String instanceAndPort) {
        int colon = instanceAndPort.indexOf(':');
        return colon < 0 ? "" : instanceAndPort.substring(colon);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
