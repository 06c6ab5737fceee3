package dev.testguard.runtime.agent;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import reactor.core.publisher.Mono;

/**
 * Runs in a child JVM with the agent: opens connections through the real drivers, pools and R2DBC as tests do,
 * and prints one line per attempt: {@code RESULT <name> ALLOWED} or {@code RESULT <name> REFUSED <sqlstate> <msg>}.
 * Every attempt on a {@code -dev} name tries to delete the rows of table {@code t}.
 */
public final class GuardedConnectionsMain {

    interface Open {
        Connection open() throws Exception;
    }

    public static void main(String[] args) {
        String pgDev = args[0];
        String pgTest = args[1];
        String pgNeutral = args[2];
        String pgTestProtected = args[3];
        String mariaDev = args[4];
        String mariaTest = args[5];
        System.out.println("MARKER " + System.getProperty("testguard.agent"));
        jdbc("pg-drivermanager-dev", () -> DriverManager.getConnection(pg(pgDev), "postgres", ""));
        jdbc("pg-drivermanager-test", () -> DriverManager.getConnection(pg(pgTest), "postgres", ""));
        jdbc("pg-drivermanager-test-again", () -> DriverManager.getConnection(pg(pgTest), "postgres", ""));
        jdbc("pg-simple-datasource-dev", () -> pgSimple(pgDev).getConnection());
        jdbc("pg-neutral-stamped-test", () -> DriverManager.getConnection(pg(pgNeutral), "postgres", ""));
        jdbc("pg-test-stamped-protected", () -> DriverManager.getConnection(pg(pgTestProtected), "postgres", ""));
        jdbc("h2-mem", () -> DriverManager.getConnection("jdbc:h2:mem:guarded"));
        jdbc("connectorj-dev", () -> DriverManager.getConnection("jdbc:mysql://localhost:3306/" + mariaDev, "root", ""));
        jdbc("connectorj-test", () -> DriverManager.getConnection("jdbc:mysql://localhost:3306/" + mariaTest, "root", ""));
        jdbc("mariadb-datasource-dev", () -> mariaDataSource(mariaDev).getConnection());
        jdbc("mariadb-datasource-test", () -> mariaDataSource(mariaTest).getConnection());
        hikari("hikari-dev", pg(pgDev));
        hikari("hikari-test", pg(pgTest));
        r2dbc("r2dbc-dev", pgDev);
        r2dbc("r2dbc-test", pgTest);
    }

    static String pg(String database) {
        return "jdbc:postgresql://localhost:5432/" + database;
    }

    static PGSimpleDataSource pgSimple(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg(database));
        ds.setUser("postgres");
        return ds;
    }

    static MariaDbDataSource mariaDataSource(String database) throws SQLException {
        MariaDbDataSource ds = new MariaDbDataSource("jdbc:mariadb://localhost:3306/" + database);
        ds.setUser("root");
        ds.setPassword("");
        return ds;
    }

    static void jdbc(String name, Open open) {
        try (Connection c = open.open(); Statement st = c.createStatement()) {
            st.execute(name.endsWith("-dev") ? "DELETE FROM t" : "SELECT 1");
            System.out.println("RESULT " + name + " ALLOWED");
        } catch (Exception e) {
            report(name, e);
        }
    }

    static void hikari(String name, String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        config.setPoolName(name);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            for (int i = 0; i < 20; i++) {
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    st.execute(name.endsWith("-dev") ? "DELETE FROM t" : "SELECT 1");
                }
            }
            System.out.println("RESULT " + name + " ALLOWED");
        } catch (Exception e) {
            report(name, e);
        }
    }

    static void r2dbc(String name, String database) {
        try {
            ConnectionFactory factory = ConnectionFactories.get("r2dbc:postgresql://postgres@localhost:5432/" + database);
            String sql = name.endsWith("-dev") ? "DELETE FROM t" : "SELECT 1";
            Mono.usingWhen(Mono.from(factory.create()),
                    c -> Mono.from(c.createStatement(sql).execute()).flatMap(r -> Mono.from(r.getRowsUpdated())),
                    c -> Mono.from(c.close())).block();
            System.out.println("RESULT " + name + " ALLOWED");
        } catch (Exception e) {
            report(name, e);
        }
    }

    static void report(String name, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String state = t instanceof SQLException ? ((SQLException) t).getSQLState()
                    : t instanceof R2dbcException ? ((R2dbcException) t).getSqlState() : null;
            if (state != null) {
                System.out.println("RESULT " + name + " REFUSED " + state + " "
                        + String.valueOf(t.getMessage()).replace('\n', ' '));
                return;
            }
        }
        System.out.println("RESULT " + name + " FAILED " + e);
    }
}
