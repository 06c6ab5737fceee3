package dev.testguard.runtime.e2e;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import reactor.core.publisher.Mono;

/**
 * The "test" the end-to-end guard test runs in a guarded JVM: opens connections the ways real tests do, one scenario
 * per line of the file named by the first argument ({@code name|kind|url|user|password}), and prints one
 * {@code RESULT name OK|REFUSED sqlstate message|FAILED exception} line each. When it gets a connection it deletes
 * the rows of {@code items} (what a careless test does), so a guard that let it through shows in the data.
 */
public final class GuardedMain {

    private GuardedMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            System.out.println("RESULT " + f[0] + " " + run(f[1], f[2], f[3], f[4]));
        }
        System.out.println("MARKER " + System.getProperty("testguard.agent"));
    }

    private static String run(String kind, String url, String user, String password) {
        try {
            if (kind.equals("r2dbc")) {
                return r2dbc(url);
            }
            if (kind.equals("r2dbc-direct")) {
                return r2dbcDirect(direct(ConnectionFactoryOptions.parse(url)));
            }
            if (kind.equals("r2dbc-proxy")) {
                return r2dbcDirect(io.r2dbc.proxy.ProxyConnectionFactory.builder(direct(ConnectionFactoryOptions
                        .parse(url))).build());
            }
            if (kind.equals("r2dbc-eventloop")) { // the user field names the other connection's URL
                return r2dbcOnEventLoop(ConnectionFactoryOptions.parse(user), ConnectionFactoryOptions.parse(url));
            }
            if (kind.equals("hikari")) {
                return hikari(url, user, password);
            }
            if (kind.startsWith("pool-")) {
                return GuardedPools.run(kind, url, user, password);
            }
            if (kind.startsWith("masked-")) {
                return masked(kind, url, user);
            }
            try (Connection c = open(kind, url, user, password)) {
                harm(c);
            }
            return "OK";
        } catch (Throwable e) {
            return describe(e);
        }
    }

    /**
     * A MariaDB data source (masked-ds-*) or pool (masked-pool-*) given its URL by setUrl (*-seturl) or its
     * constructor (*-ctor), then connected as the user given (none: by getConnection(), which parses a URL the
     * constructor accepted unread). What it throws is printed whole, stack and causes, as a test log would show it.
     */
    private static String masked(String kind, String url, String user) throws SQLException {
        boolean byConstructor = kind.endsWith("-ctor");
        try {
            if (kind.startsWith("masked-pool-")) {
                try (MariaDbPoolDataSource pool = byConstructor ? new MariaDbPoolDataSource(url)
                        : new MariaDbPoolDataSource()) {
                    if (!byConstructor) {
                        pool.setUrl(url);
                    }
                    return connect(pool, user);
                }
            }
            MariaDbDataSource ds = byConstructor ? new MariaDbDataSource(url) : new MariaDbDataSource();
            if (!byConstructor) {
                ds.setUrl(url);
            }
            return connect(ds, user);
        } catch (SQLException | RuntimeException e) {
            e.printStackTrace(System.out);
            return "FAILED " + oneLine(e.toString()) + " | " + oneLine(e.getMessage());
        }
    }

    private static String connect(DataSource dataSource, String user) throws SQLException {
        try (Connection c = user.isEmpty() ? dataSource.getConnection() : dataSource.getConnection(user, "")) {
            harm(c);
        }
        return "OK";
    }

    private static Connection open(String kind, String url, String user, String password) throws SQLException {
        switch (kind) {
            case "dm":
                return DriverManager.getConnection(url, user, password);
            case "dm-url":
                return DriverManager.getConnection(url);
            case "dm-swallowed":
                try {
                    return DriverManager.getConnection(url, user, password);
                } catch (SQLException swallowed) {
                    return DriverManager.getConnection("jdbc:h2:mem:swallowed");
                }
            case "pgsimple":
                PGSimpleDataSource pg = new PGSimpleDataSource();
                pg.setURL(url);
                pg.setUser(user);
                pg.setPassword(password);
                return pg.getConnection();
            case "mariadbds":
                MariaDbDataSource maria = new MariaDbDataSource(url);
                maria.setUser(user);
                maria.setPassword(password);
                return maria.getConnection();
            case "mysqlds":
                com.mysql.cj.jdbc.MysqlDataSource mysql = new com.mysql.cj.jdbc.MysqlDataSource();
                mysql.setURL(url);
                mysql.setUser(user);
                mysql.setPassword(password);
                return mysql.getConnection();
            default:
                throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    private static String hikari(String url, String user, String password) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            for (int i = 0; i < 50; i++) {
                try (Connection c = ((DataSource) pool).getConnection()) {
                    if (i == 0) {
                        harm(c);
                    }
                }
            }
        }
        return "OK";
    }

    private static String r2dbc(String url) {
        ConnectionFactory factory = ConnectionFactories.get(ConnectionFactoryOptions.parse(url));
        Mono.from(factory.create())
                .flatMap(c -> Mono.from(c.createStatement("DELETE FROM items WHERE 1 = 0").execute())
                        .then(Mono.from(c.close())))
                .block();
        return "OK";
    }

    /**
     * The factory built directly, as a test that never goes through {@code ConnectionFactories} does; used through
     * its own type (whose {@code create()} returns a {@code Mono}), and deleting the rows it reaches.
     */
    private static String r2dbcDirect(ConnectionFactory factory) {
        Mono.from(factory.create()).flatMap(GuardedMain::harm).block();
        return "OK";
    }

    /** The factory's first {@code create()} subscribed on a reactor-netty event loop, inside another connection's. */
    private static String r2dbcOnEventLoop(ConnectionFactoryOptions other, ConnectionFactoryOptions o) {
        Mono.from(direct(other).create()).flatMap(outer -> Mono.from(direct(o).create()).flatMap(GuardedMain::harm)
                .then(Mono.from(outer.close())).onErrorResume(e -> Mono.from(outer.close()).then(Mono.error(e))))
                .block();
        return "OK";
    }

    private static Mono<Void> harm(io.r2dbc.spi.Connection c) {
        return Mono.from(c.createStatement("DELETE FROM items").execute()).flatMap(r -> Mono.from(r.getRowsUpdated()))
                .then(Mono.from(c.close()));
    }

    /** r2dbc-postgresql's, r2dbc-mariadb's or io.asyncer r2dbc-mysql's factory, built by hand from the options. */
    private static ConnectionFactory direct(ConnectionFactoryOptions o) {
        String host = (String) o.getRequiredValue(ConnectionFactoryOptions.HOST);
        int port = (Integer) o.getRequiredValue(ConnectionFactoryOptions.PORT);
        String database = (String) o.getRequiredValue(ConnectionFactoryOptions.DATABASE);
        String user = (String) o.getRequiredValue(ConnectionFactoryOptions.USER);
        Object driver = o.getRequiredValue(ConnectionFactoryOptions.DRIVER);
        if (driver.equals("postgresql")) {
            return new io.r2dbc.postgresql.PostgresqlConnectionFactory(io.r2dbc.postgresql
                    .PostgresqlConnectionConfiguration.builder().host(host).port(port).database(database)
                    .username(user).build());
        }
        if (driver.equals("mysql")) {
            return io.asyncer.r2dbc.mysql.MySqlConnectionFactory.from(io.asyncer.r2dbc.mysql
                    .MySqlConnectionConfiguration.builder().host(host).port(port).database(database).user(user)
                    .build());
        }
        return org.mariadb.r2dbc.MariadbConnectionFactory.from(org.mariadb.r2dbc.MariadbConnectionConfiguration
                .builder().host(host).port(port).database(database).username(user).build());
    }

    /** What a careless test does to whatever it reaches. Test databases of the scenarios have no rows to lose. */
    static void harm(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM items");
        } catch (SQLException noSuchTable) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT 1");
            }
        }
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && "28000".equals(((SQLException) t).getSQLState())
                    && String.valueOf(t.getMessage()).startsWith("testguard refused")) {
                return "REFUSED 28000 " + oneLine(t.getMessage());
            }
            if (String.valueOf(t.getMessage()).startsWith("testguard refused")) {
                return "REFUSED " + t.getClass().getSimpleName() + " " + oneLine(t.getMessage());
            }
        }
        return "FAILED " + oneLine(e.toString());
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replace('\n', ' ').replace('\r', ' ');
    }
}
