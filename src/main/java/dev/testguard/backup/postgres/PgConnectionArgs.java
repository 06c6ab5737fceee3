package dev.testguard.backup.postgres;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a libpq client reaches the database of a JDBC URL: a conninfo string without the password in
 * the arguments, the password in the environment (never the argument list, which {@code ps} shows everyone).
 * Only secrets go in {@link #environment()}: ExternalTool masks every value of it in the tool's output.
 */
record PgConnectionArgs(List<String> args, Map<String, String> environment) {

    static PgConnectionArgs of(DatabaseTarget target) {
        List<String> conninfo = new ArrayList<>();
        conninfo.add(kv("dbname", target.databaseName()));
        HostPort first = target.url().firstHost().orElse(null);
        if (first != null) {
            conninfo.add(kv("host", first.host().replaceAll("^\\[|]$", "")));
            if (first.port() != null) {
                conninfo.add(kv("port", first.port().toString()));
            }
        }
        Credentials creds = target.effectiveCredentials();
        if (creds.username() != null) {
            conninfo.add(kv("user", creds.username()));
        }
        String sslmode = target.url().parameters().get("sslmode");
        if (sslmode != null) {
            conninfo.add(kv("sslmode", sslmode));
        }
        conninfo.add(kv("application_name", "testguard"));
        conninfo.add(kv("connect_timeout", "10"));
        List<String> args = List.of("--no-password", "--dbname=" + String.join(" ", conninfo));
        Map<String, String> env = creds.password() == null ? Map.of() : Map.of("PGPASSWORD", creds.password());
        return new PgConnectionArgs(args, env);
    }

    private static String kv(String key, String value) {
        return key + "='" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
