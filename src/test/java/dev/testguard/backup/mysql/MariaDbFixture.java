package dev.testguard.backup.mysql;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MysqlAdmin;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Uniquely named databases on the local MariaDB (root, no password), dropped by {@link #close()} with the safety schemas
 * restores set their tables aside in.
 */
public final class MariaDbFixture implements AutoCloseable {

    private final List<String> created = new ArrayList<>();
    private final List<String> users = new ArrayList<>();

    public static JdbcUrl url(String database) {
        String raw = "jdbc:mysql://127.0.0.1:3306/" + (database == null ? "" : database);
        return new JdbcUrl(raw, Vendor.MARIADB, Storage.SERVER, List.of(new HostPort("127.0.0.1", 3306)), false,
                database, null, Map.of(), null, null);
    }

    public static DatabaseTarget target(String database) {
        return new DatabaseTarget(url(database), new Credentials("root", null));
    }

    public DatabaseTarget newDatabase(String purpose) throws SQLException {
        String name = "tg_" + purpose + "_test_" + UUID.randomUUID().toString().substring(0, 8);
        new MysqlAdmin(target(null)).create(name);
        created.add(name);
        return target(name);
    }

    /** A name for a database the test will create itself; still dropped at the end. */
    public String reserveName(String purpose) {
        String name = "tg_" + purpose + "_test_" + UUID.randomUUID().toString().substring(0, 8);
        created.add(name);
        return name;
    }

    public void createUser(String user, String password, String database) throws SQLException {
        users.add(user);
        exec(null, "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'",
                "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + password + "'",
                "GRANT ALL ON `" + database + "`.* TO '" + user + "'@'%'",
                "GRANT ALL ON `" + database + "`.* TO '" + user + "'@'localhost'");
    }

    public static Connection open(String database) throws SQLException {
        return Connections.open(target(database), Duration.ofSeconds(10));
    }

    /** The first column of every row {@code sql} returns, run in {@code database} (null: in none). */
    public static List<String> column(String database, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = open(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The schemas named as a restore names the copy it keeps of {@code database}'s tables: {@code <database>_tgsafe_...}. */
    public static List<String> safetySchemasOf(String database) throws SQLException {
        return column(null, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE LEFT(SCHEMA_NAME, "
                + (database.length() + 8) + ") = '" + database + "_tgsafe_'");
    }

    public static void exec(String database, String... statements) throws SQLException {
        try (Connection c = open(database); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        MysqlAdmin admin = new MysqlAdmin(target(null));
        for (String name : created) {
            for (String safetySchema : safetySchemasOf(name)) {
                admin.drop(safetySchema);
            }
            admin.drop(name);
        }
        for (String user : users) {
            exec(null, "DROP USER IF EXISTS '" + user + "'@'%'", "DROP USER IF EXISTS '" + user + "'@'localhost'");
        }
    }
}
