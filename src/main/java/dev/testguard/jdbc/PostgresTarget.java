package dev.testguard.jdbc;

import static dev.testguard.jdbc.UrlText.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The target PgJDBC 42.7 ({@code Driver.parseURL}) connects to. The URL's values beat the connection properties:
 * host list and ports from the authority, database from the path, then the parameters ({@code PGDBNAME},
 * {@code PGHOST}, {@code PGPORT}, or {@code dbname}, {@code host}, {@code port} in any case; keys are not decoded,
 * values are, {@code +} being a space), then the properties (exact keys), then a {@code service} from
 * pg_service.conf, then localhost:5432 and a database named after the user. Any two of these naming different
 * values, or a service that could still supply a part, makes the URL ambiguous.
 */
final class PostgresTarget {

    private static final String PREFIX = "jdbc:postgresql:";
    private static final String DEFAULT_PORT = "5432";

    private final String url;
    private final Claims database;
    private final Claims hosts;
    private final Claims ports;
    private final Claims users;
    private String authorityPorts;
    private boolean hostFixed;
    private boolean explicitPort;
    /** PgJDBC cannot connect with {@code user:password@host}, but the URL still says who a test means. */
    private boolean userInfo;
    private String service;

    private PostgresTarget(String url) {
        this.url = url;
        database = new Claims(url, "the database");
        hosts = new Claims(url, "the host");
        ports = new Claims(url, "the port");
        users = new Claims(url, "the user");
    }

    static JdbcUrl resolve(JdbcUrl written, Map<String, String> properties) {
        PostgresTarget target = new PostgresTarget(written.raw());
        return target.read(written, properties);
    }

    private JdbcUrl read(JdbcUrl written, Map<String, String> properties) {
        int question = url.indexOf('?');
        serverPart(url.substring(PREFIX.length(), question < 0 ? url.length() : question));
        if (question >= 0) {
            parameters(url.substring(question + 1));
        }
        String userInUrl = users.agreed();
        database.add("the connection property PGDBNAME", properties.get("PGDBNAME"));
        hosts.add("the connection property PGHOST", properties.get("PGHOST"));
        if (hostFixed && ports.isEmpty() && properties.containsKey("PGPORT")) {
            // the host list always sets PGJDBC's port (5432 where it names none): a property cannot change it
            ports.add("the host list (PgJDBC's default port)", authorityPorts);
        }
        ports.add("the connection property PGPORT", properties.get("PGPORT"));
        refuseUnresolvedService();
        // PgJDBC's key is "user" exactly; without it the JVM's user.name, which testguard leaves unknown
        String user = userInUrl != null ? userInUrl : userInfo ? written.user() : properties.get("user");
        List<HostPort> resolved = hostList(written);
        List<HostPort> effective = written.unixSocket() ? List.of() : resolved;
        String db = database.agreed();
        // an empty name makes the server use the user's name: no database the URL names
        return new JdbcUrl(url, written.vendor(), written.storage(), effective, written.unixSocket(),
                db == null || db.isEmpty() ? null : db,
                written.filePath(), written.parameters(), user, written.password());
    }

    /** {@code //h1:p1,h2/db}, {@code //}, {@code ///db} or {@code db}: what PgJDBC takes from before the '?'. */
    private void serverPart(String server) {
        if (server.equals("//") || server.equals("///") || !server.startsWith("//")) {
            if (!server.startsWith("//")) {
                database.add("the path", decode("the path", server));
            }
            authorityPorts = DEFAULT_PORT;
            return;
        }
        String rest = server.substring(2);
        if (rest.indexOf('/') != rest.lastIndexOf('/')) { // more than one '/' (a loop, not a stream: first connection)
            throw fail(url, "PgJDBC refuses a URL with more than one '/' after the host list");
        }
        int slash = rest.indexOf('/');
        if (slash >= 0 && slash < rest.length() - 1) {
            database.add("the path", decode("the path", rest.substring(slash + 1)));
        }
        authority(slash < 0 ? rest : rest.substring(0, slash));
    }

    /** Hosts as PgJDBC writes them into PGHOST/PGPORT: each port after the last ':' behind any ']'. */
    private void authority(String authority) {
        userInfo = authority.indexOf('@') >= 0;
        List<String> hostList = new ArrayList<>();
        List<String> portList = new ArrayList<>();
        for (String address : authority.split(",", -1)) {
            int colon = address.lastIndexOf(':');
            if (colon >= 0 && address.lastIndexOf(']') < colon) {
                explicitPort = true;
                portList.add(address.substring(colon + 1));
                hostList.add(colon == 0 ? "localhost" : address.substring(0, colon));
            } else {
                portList.add(DEFAULT_PORT);
                hostList.add(address);
            }
        }
        hosts.add("the host list", String.join(",", hostList));
        authorityPorts = String.join(",", portList);
        if (explicitPort) {
            ports.add("the host list", authorityPorts);
        }
        hostFixed = true;
    }

    private void parameters(String query) {
        for (String token : query.split("&")) {
            if (token.isEmpty()) {
                continue;
            }
            int eq = token.indexOf('=');
            String key = eq < 0 ? token : translate(token.substring(0, eq));
            String value = eq < 0 ? "" : decode("the parameter '" + key + "'", token.substring(eq + 1));
            String origin = "the parameter " + (eq < 0 ? key : token.substring(0, eq));
            switch (key) {
                case "PGDBNAME" -> database.add(origin, value);
                case "PGHOST" -> hosts.add(origin, value);
                case "PGPORT" -> ports.add(origin, value);
                case "user" -> users.add(origin, value);
                case "service" -> service = value;
                default -> {
                    // other settings do not choose the target
                }
            }
        }
    }

    /** PgJDBC's translation of libpq keys: {@code dbname}, {@code host}, {@code port} in any case. */
    private static String translate(String key) {
        String upper = "PG" + key.toUpperCase(Locale.ROOT);
        return upper.equals("PGDBNAME") || upper.equals("PGHOST") || upper.equals("PGPORT") ? upper : key;
    }

    private void refuseUnresolvedService() {
        if (service != null && (database.isEmpty() || !hostFixed && (hosts.isEmpty() || ports.isEmpty()))) {
            throw Ambiguity.of(url, "the service '" + service + "' is looked up in a pg_service.conf file of the "
                    + "machine that runs the tests, which may name another host, port or database than testguard "
                    + "can see. Write the host, port and database into the URL");
        }
    }

    /** The hosts PgJDBC connects to, in order; the parser's own reading when the host list alone decides. */
    private List<HostPort> hostList(JdbcUrl written) {
        String hostText = hosts.agreed();
        String portText = ports.agreed();
        if (hostFixed && (portText == null || explicitPort)) {
            return written.hosts();
        }
        String[] hostArray = (hostText == null ? UrlText.LOCALHOST : hostText).split(",", -1);
        String[] portArray = (portText == null ? authorityPorts : portText).split(",", -1);
        if (hostArray.length != portArray.length) {
            throw fail(url, "PgJDBC refuses " + hostArray.length + " host(s) with " + portArray.length + " port(s)");
        }
        List<HostPort> out = new ArrayList<>();
        for (int i = 0; i < hostArray.length; i++) {
            String host = hostArray[i].startsWith("[") && hostArray[i].endsWith("]")
                    ? hostArray[i].substring(1, hostArray[i].length() - 1) : hostArray[i];
            Integer port = portText == null ? null : UrlText.port(url, portArray[i].trim());
            out.add(new HostPort(host.isEmpty() ? UrlText.LOCALHOST : host, port));
        }
        return out;
    }

    private String decode(String what, String value) {
        return ControlCharacters.decodeChecked(url, "PgJDBC", what, value);
    }
}
