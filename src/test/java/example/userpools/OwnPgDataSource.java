package example.userpools;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A user's own data source that opens PgJDBC's connection class directly, past {@code Driver.connect} and the
 * vendor data source's own {@code getConnection} methods (both overridden, neither calls them): only the weaving of
 * this class itself judges what it hands a pool. In a package of its own: the guard never weaves its own classes
 * ({@code dev.testguard.*}), a user's it does.
 */
public final class OwnPgDataSource extends PGSimpleDataSource {

    private final String database;

    public OwnPgDataSource(String url) {
        this.database = url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return open("postgres");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return open(user);
    }

    private Connection open(String user) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", user);
        info.setProperty("PGDBNAME", database);
        return new org.postgresql.jdbc.PgConnection(new org.postgresql.util.HostSpec[] {
            new org.postgresql.util.HostSpec("localhost", 5432)}, info, "jdbc:postgresql://localhost:5432/"
                    + database);
    }
}
