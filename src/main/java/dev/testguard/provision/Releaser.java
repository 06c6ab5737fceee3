package dev.testguard.provision;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseLock;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Secrets;
import dev.testguard.probe.Stamp;
import dev.testguard.reset.TestStamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drops provisioned databases: those this build recorded ({@link #release}), and those crashed builds left behind
 * ({@link #cleanLeftovers}): named {@code <prefix><14 digits>_<6 hex>_test[_n]}, holding a provision token, stamped
 * {@code test}, and stamped longer ago than the leftover age. A database whose stamp is not {@code test} is never dropped.
 */
public final class Releaser {

    private static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    private final DatabaseTarget server;
    private final String prefix;
    private final Clock clock;
    private final ProvisionRegistry registry;

    public Releaser(DatabaseTarget server, String prefix, Clock clock, ProvisionRegistry registry) {
        this.server = server;
        this.prefix = prefix;
        this.clock = clock;
        this.registry = registry;
    }

    /**
     * Drops every database in the registry that still holds the token written when this build created it; returns
     * their names. Ones already gone count as released. One without its token (the registry was edited, or the
     * database was replaced) or no longer stamped {@code test} is left alone and named in the exception.
     */
    public List<String> release() throws ProvisionException {
        DatabaseAdmin admin = DatabaseAdmins.forTarget(server);
        List<String> released = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (ProvisionedDatabase db : registry.read()) {
            try (DatabaseLock lock = admin.lock(db.name(), LOCK_WAIT)) {
                String refusal = admin.exists(db.name()) ? whyNotOurs(admin, db) : null;
                if (refusal == null) {
                    admin.drop(db.name());
                } else {
                    kept.add(db.name() + " (" + refusal + ")");
                }
                released.add(db.name());
            } catch (SQLException e) {
                throw new ProvisionException("testguard could not drop the provisioned database " + admin.sibling(db.name())
                        + ": " + Secrets.maskText(e.getMessage(), server.effectiveCredentials())
                        + ". Run mvn testguard:release again, or drop it by hand.", e);
            }
        }
        registry.remove(new HashSet<>(released));
        if (!kept.isEmpty()) {
            throw new ProvisionException("testguard:release left these databases alone, nothing in them was touched: " + kept
                    + ". They are off the list in " + registry.file() + "; drop them by hand if they are yours.");
        }
        return released;
    }

    /** Null when {@code db} (which exists) is provably the one this build created and still a test database. */
    private static String whyNotOurs(DatabaseAdmin admin, ProvisionedDatabase db) throws SQLException {
        Optional<String> token = admin.provisionToken(db.name());
        if (db.token() == null || token.isEmpty() || !MessageDigest.isEqual(token.get().getBytes(StandardCharsets.US_ASCII),
                db.token().getBytes(StandardCharsets.US_ASCII))) {
            return "it does not hold the provision token of this build, so this build did not create it";
        }
        if (!TestStamps.read(admin.sibling(db.name())).map(s -> s.role() == Stamp.Role.TEST).orElse(false)) {
            return "not stamped test any more";
        }
        return null;
    }

    /** Drops databases of crashed builds older than {@code age}, except those in {@code keep}; returns their names. */
    public List<String> cleanLeftovers(Duration age, Set<String> keep) throws ProvisionException {
        Pattern provisioned = Pattern.compile(Pattern.quote(prefix) + "\\d{14}_[0-9a-f]{6}_test(_\\d+)?");
        DatabaseAdmin admin = DatabaseAdmins.forTarget(server);
        Instant cutoff = Instant.now(clock).minus(age);
        List<String> dropped = new ArrayList<>();
        try {
            for (String name : databases()) {
                if (!provisioned.matcher(name).matches() || keep.contains(name)) {
                    continue;
                }
                if (admin.provisionToken(name).isEmpty()) {
                    continue; // testguard did not provision it
                }
                Optional<Stamp> stamp = TestStamps.read(admin.sibling(name));
                if (stamp.isPresent() && stamp.get().role() == Stamp.Role.TEST && stamp.get().stampedAt() != null
                        && stamp.get().stampedAt().isBefore(cutoff)) {
                    admin.drop(name);
                    dropped.add(name);
                }
            }
        } catch (SQLException e) {
            throw new ProvisionException("testguard could not clean databases left by earlier builds on " + server + ": "
                    + Secrets.maskText(e.getMessage(), server.effectiveCredentials()), e);
        }
        return dropped;
    }

    private List<String> databases() throws SQLException {
        String sql = switch (server.url().vendor()) {
            case POSTGRESQL -> "SELECT datname FROM pg_database WHERE datallowconn AND starts_with(datname, ?)";
            default -> "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE CONCAT(?, '%')";
        };
        DatabaseTarget any = server.url().vendor() == dev.testguard.jdbc.Vendor.POSTGRESQL
                ? DatabaseAdmins.forTarget(server).sibling("postgres") : server;
        List<String> names = new ArrayList<>();
        try (Connection c = dev.testguard.db.Connections.open(any, Duration.ofSeconds(10));
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
