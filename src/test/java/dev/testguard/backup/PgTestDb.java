package dev.testguard.backup;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.PostgresAdmin;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.HostPort;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Uniquely named databases on the local PostgreSQL 15, dropped by {@link #close()}. */
public final class PgTestDb implements AutoCloseable {

    private final List<String> created = new ArrayList<>();
    private final PostgresAdmin admin = new PostgresAdmin(target("postgres"));

    public static JdbcUrl url(String db) {
        return new JdbcUrl("jdbc:postgresql://localhost:5432/" + db, Vendor.POSTGRESQL, Storage.SERVER,
                List.of(new HostPort("localhost", 5432)), false, db, null, Map.of(), null, null);
    }

    public static DatabaseTarget target(String db) {
        return new DatabaseTarget(url(db), new Credentials("postgres", null));
    }

    public static String uniqueName(String purpose) {
        return "tg_" + purpose + "_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    public DatabaseTarget create(String purpose) throws SQLException {
        String name = uniqueName(purpose);
        admin.create(name);
        created.add(name);
        return target(name);
    }

    /** Registers a database some code under test will create, so it is dropped too. */
    public DatabaseTarget willCreate(String name) {
        created.add(name);
        return target(name);
    }

    public PostgresAdmin admin() {
        return admin;
    }

    public static void exec(DatabaseTarget t, String... sql) throws SQLException {
        try (Connection c = Connections.open(t, Duration.ofSeconds(10)); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        for (String name : created) {
            admin.drop(name);
        }
    }
}
