package dev.testguard.backup.mysql;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.HostPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connection arguments for the MySQL/MariaDB command-line tools. The password goes in {@code MYSQL_PWD},
 * never on the command line, where {@code ps} would show it to every user of the machine.
 */
record MysqlClientArgs(List<String> args, Map<String, String> environment) {

    static MysqlClientArgs of(DatabaseTarget target) {
        List<String> args = new ArrayList<>();
        HostPort host = target.url().firstHost().orElse(new HostPort("localhost", null));
        args.add("--host=" + host.host());
        args.add("--port=" + (host.port() == null ? 3306 : host.port()));
        // otherwise "localhost" means the unix socket, not the TCP port the JDBC URL names
        args.add("--protocol=TCP");
        Credentials credentials = target.effectiveCredentials();
        if (credentials.username() != null) {
            args.add("--user=" + credentials.username());
        }
        Map<String, String> env = new HashMap<>();
        if (credentials.password() != null) {
            env.put("MYSQL_PWD", credentials.password());
        }
        return new MysqlClientArgs(List.copyOf(args), Map.copyOf(env));
    }
}
