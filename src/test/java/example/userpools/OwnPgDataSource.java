package example.userpools;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A user's own data source that opens PgJDBC's connection class directly, past {@code Driver.connect} and every
 * vendor data source: only the weaving of this class itself judges what it hands the pool. In a package of
 * its own: the guard never weaves its own classes ({@code dev.testguard.*}), a user's it does.
 */
public final class OwnPgDataSource implements DataSource {

    private final String database;

    public OwnPgDataSource(String url) {
        this.database = url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection("postgres", "");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", user);
        info.setProperty("PGDBNAME", database);
        return new org.postgresql.jdbc.PgConnection(new org.postgresql.util.HostSpec[] {
            new org.postgresql.util.HostSpec("localhost", 5432)}, info, "jdbc:postgresql://localhost:5432/"
                    + database);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
