package dev.testguard.provision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.db.Connections;
import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.policy.Classifier;
import dev.testguard.probe.Stamp;
import dev.testguard.reset.BaselineMode;
import dev.testguard.reset.Baselines;
import dev.testguard.reset.ResetOptions;
import dev.testguard.reset.Resetter;
import dev.testguard.reset.TestStamps;
import dev.testguard.reset.ThreadedWork;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool of ready copies of a baseline, against the real local PostgreSQL (MariaDB: {@link MariadbSparePoolTest}). */
class SparePoolTest {

    private static final int ROWS = 100_000;

    @TempDir
    Path project;

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String prefix = "tgpool" + run + "_";
    private final String source = "tg_provpool" + run + "_src_test";
    private final Set<String> created = new HashSet<>();
    private DatabaseTarget server;
    private DatabaseAdmin admin;

    @BeforeEach
    void baseline() throws Exception {
        server = new DatabaseTarget(JdbcUrlParser.parse("jdbc:postgresql://localhost:5432/postgres"), new Credentials("postgres", null));
        admin = DatabaseAdmins.forTarget(server);
        created.add(source);
        admin.create(source);
        exec(admin.sibling(source), "CREATE TABLE items (id int PRIMARY KEY, name text)",
                "INSERT INTO items SELECT g, md5(g::text) FROM generate_series(1, " + ROWS + ") g");
        saveBaseline();
    }

    @AfterEach
    void dropOurs() throws Exception {
        created.add(source + "__tgbase");
        created.add(source + "__tgspare");
        for (int k = 1; k <= 8; k++) {
            created.add(Baselines.postgresPoolSpare(source, k));
        }
        created.addAll(PoolFixture.registered(project)); // what a failed test left
        for (String name : created) {
            admin.drop(name);
        }
    }

    @Test
    void fourDatabasesFromReadySparesAreRenamesNotCopiesAndThePoolIsRefilled() throws Exception {
        Provisioner.Result first = provisioner(registry("a")).withSpares(4).provision(4, src(), "key1", classifier());
        assertThat(first.fromSpares()).as("an empty pool: the first provision copies the baseline").isZero();
        assertThat(first.refill().refill().made()).hasSize(4);
        assertThat(spares()).hasSize(4);
        Set<Long> spareOids = oids(spares());
        long databases = databaseCount();

        Provisioner.Result pooled = provisioner(registry("a")).withSpares(4).provision(4, src(), "key1", classifier());

        // how fast is measured by bench/provision.sh; here, that the work is constant-time: renames, no copy
        System.out.printf("provision of 4 from a %d-row baseline: %d ms from copies, %d ms from spares%n", ROWS,
                first.millis(), pooled.millis());
        assertThat(pooled.fromSpares()).isEqualTo(4);
        assertThat(oids(pooled.databases().stream().map(ProvisionedDatabase::name).toList()))
                .as("each database is a former spare, renamed: a copy (CREATE DATABASE ... TEMPLATE) gets a new oid")
                .hasSize(4).isEqualTo(spareOids);
        assertThat(databaseCount()).as("none of this test's databases was created (the refill has not run yet)").isEqualTo(databases);
        assertThat(spares()).as("every spare was handed out").isEmpty();
        for (ProvisionedDatabase d : pooled.databases()) {
            assertThat(rows(d.name())).isEqualTo(ROWS);
            assertThat(admin.provisionToken(d.name())).contains(d.token());
            assertThat(TestStamps.read(admin.sibling(d.name()))).map(Stamp::role).contains(Stamp.Role.TEST);
        }
        assertThat(pooled.refill().refill().made()).hasSize(4);

        List<String> released = new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release();

        assertThat(released).hasSize(8);
        assertThat(spares()).as("release leaves the pool's spares alone").hasSize(4);
    }

    @Test
    void aNewBaselineMakesEverySpareStale() throws Exception {
        provisioner(registry("a")).provision(1, src(), "key1", classifier()).refill().refill();
        assertThat(spares()).hasSize(2);
        exec(admin.sibling(source), "INSERT INTO items VALUES (" + (ROWS + 1) + ", 'new')");
        saveBaseline();

        Provisioner.Result afterChange = provisioner(registry("a")).provision(2, src(), "key1", classifier());

        assertThat(afterChange.fromSpares()).as("spares of the old baseline are not handed out").isZero();
        for (ProvisionedDatabase d : afterChange.databases()) {
            assertThat(rows(d.name())).isEqualTo(ROWS + 1);
        }
        SparePool.Refill refill = afterChange.refill().refill();
        assertThat(refill.replacedStale()).hasSize(2);
        Provisioner.Result fromNewSpares = provisioner(registry("a")).provision(2, src(), "key1", classifier());
        assertThat(fromNewSpares.fromSpares()).isEqualTo(2);
        for (ProvisionedDatabase d : fromNewSpares.databases()) {
            assertThat(rows(d.name())).isEqualTo(ROWS + 1);
        }
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(5);
    }

    @Test
    void concurrentProvisionsNeverHandOneSpareToTwo() throws Exception {
        provisioner(registry("fill")).withSpares(4).provision(1, src(), "key1", classifier()).refill().refill();
        new Releaser(server, prefix, Clock.systemUTC(), registry("fill")).release();
        assertThat(spares()).hasSize(4);
        List<Provisioner.Result> runs = PoolFixture.atOnce(4,
                i -> () -> provisioner(registry("b" + i)).withSpares(4).provision(2, src(), "key1", classifier()));
        int fromSpares = 0;
        Set<String> names = new HashSet<>();
        for (Provisioner.Result r : runs) {
            fromSpares += r.fromSpares();
            r.databases().forEach(d -> names.add(d.name()));
        }

        assertThat(fromSpares).as("four spares, four hand-outs").isEqualTo(4);
        assertThat(names).hasSize(8);
        for (int i = 0; i < 4; i++) {
            List<String> released = new Releaser(server, prefix, Clock.systemUTC(), registry("b" + i)).release();
            assertThat(released).as("each build still holds the token of each of its databases").hasSize(2);
        }
        for (String name : names) {
            assertThat(admin.exists(name)).as(name).isFalse();
        }
    }

    @Test
    void aKilledBuildLeavesSparesTheNextBuildReusesAndOnlyMarkedOnesAreEverDropped() throws Exception {
        provisioner(registry("killed")).withSpares(3).provision(1, src(), "key1", classifier()).refill().refill();
        new Releaser(server, prefix, Clock.systemUTC(), registry("killed")).release();
        String foreign = Baselines.postgresPoolSpare(source, 3);
        admin.drop(foreign);
        admin.create(foreign); // someone's database that happens to be named like a spare, or a copy cut short
        exec(admin.sibling(foreign), "CREATE TABLE mine (id int)");
        assertThat(spares()).hasSize(3);

        Provisioner.Result next = provisioner(registry("next")).withSpares(3).provision(3, src(), "key1", classifier());

        assertThat(next.fromSpares()).as("the two marked spares, never the unmarked one").isEqualTo(2);
        assertThat(admin.tables(foreign)).contains("public.mine");
        SparePool.Refill refill = next.refill().refill();
        assertThat(refill.made()).hasSize(2);
        assertThat(refill.leftAlone()).containsExactly(foreign);
        List<String> dropped = SparePool.drop(server, src());
        assertThat(dropped).containsExactlyInAnyOrder(Baselines.postgresPoolSpare(source, 1), Baselines.postgresPoolSpare(source, 2));
        assertThat(admin.exists(foreign)).isTrue();
        assertThat(admin.tables(foreign)).contains("public.mine");
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("next")).release()).hasSize(3);
    }

    @Test
    void aResetWithoutASpareOfItsOwnTakesAReadySpareOfThePoolKeepingOwnerAndStamp() throws Exception {
        provisioner(registry("a")).provision(1, src(), "key1", classifier()).refill().refill();
        new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release();
        admin.drop(source + "__tgspare"); // the reset's own spare, which it would rename first
        Set<Long> poolOids = oids(spares());
        assertThat(poolOids).hasSize(2);
        exec(src(), "DELETE FROM items WHERE id > 10");

        new Resetter(project, "g:a", Clock.systemUTC()).reset(src(), new ResetOptions(BaselineMode.USE, List.of(), "key1"));

        assertThat(poolOids).as("the database is a former spare of the pool, renamed").containsAll(oids(List.of(source)));
        assertThat(rows(source)).isEqualTo(ROWS);
        assertThat(TestStamps.read(src())).map(Stamp::role).contains(Stamp.Role.TEST);
        try (Connection c = Connections.open(server, Duration.ofSeconds(10))) {
            assertThat(dev.testguard.db.PostgresAdmin.databaseOwner(c, source)).isEqualTo("postgres");
            assertThat(dev.testguard.probe.PostgresStampStore.comment(c, source)).doesNotContain("testguard-pool-spare");
        }
        assertThat(spares()).as("the slot of the spare it took, filled again after the reset").hasSize(2);
        assertThat(oids(spares())).as("a new copy in that slot").doesNotContainAnyElementsOf(oids(List.of(source)));
        assertThat(admin.exists(source + "__tgspare")).as("its own spare, prepared again after the reset").isTrue();
    }

    @Test
    void aResetThatTakesASpareOfThePoolRefillsItsSlotInTheBuildsWorkSoTheNextProvisionFindsTheFullPool() throws Exception {
        provisioner(registry("a")).provision(1, src(), "key1", classifier()).refill().refill();
        new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release();
        admin.drop(source + "__tgspare");
        assertThat(spares()).hasSize(2);
        exec(src(), "DELETE FROM items WHERE id > 10"); // unstamped, it must look like a test database to be reset
        try (ThreadedWork build = new ThreadedWork()) {
            new Resetter(project, "g:a", Clock.systemUTC()).withBackgroundWork(build)
                    .reset(src(), new ResetOptions(BaselineMode.USE, List.of(), "key1"));

            Provisioner.Result next = provisioner(registry("b")).withBackgroundWork(build)
                    .provision(2, src(), "key1", classifier());

            assertThat(next.fromSpares()).as("the reset's refill of the slot it took, awaited by the provision of the"
                    + " same build: both forks got a ready spare, none paid for a copy").isEqualTo(2);
            assertThat(build.warnings).isEmpty();
            assertThat(build.done).anyMatch(line -> line.contains("spare copy " + Baselines.postgresPoolSpare(source, 1))
                    || line.contains("spare copy " + Baselines.postgresPoolSpare(source, 2)));
            for (ProvisionedDatabase d : next.databases()) {
                assertThat(rows(d.name())).isEqualTo(ROWS);
                assertThat(TestStamps.read(admin.sibling(d.name()))).map(Stamp::role).contains(Stamp.Role.TEST);
            }
        }
        new Releaser(server, prefix, Clock.systemUTC(), registry("b")).release();
    }

    private void saveBaseline() throws Exception {
        new Resetter(project, "g:a", Clock.systemUTC()).reset(src(), new ResetOptions(BaselineMode.SAVE, List.of(), "key1"));
    }

    private Provisioner provisioner(ProvisionRegistry registry) {
        return new Provisioner(server, prefix, Clock.systemUTC(), registry, "g:a", project).withSpares(2);
    }

    private ProvisionRegistry registry(String build) {
        return PoolFixture.registry(project, build);
    }

    private DatabaseTarget src() {
        return admin.sibling(source);
    }

    private List<String> spares() throws Exception {
        return PoolFixture.existing(admin, k -> Baselines.postgresPoolSpare(source, k));
    }

    private Set<Long> oids(List<String> databases) throws Exception {
        Set<Long> out = new HashSet<>();
        try (Connection c = Connections.open(server, Duration.ofSeconds(10));
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT oid FROM pg_database WHERE datname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", databases.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /** This test's databases (the server is shared: others create and drop theirs meanwhile). */
    private long databaseCount() throws Exception {
        try (Connection c = Connections.open(server, Duration.ofSeconds(10));
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_database"
                     + " WHERE starts_with(datname, ?) OR starts_with(datname, ?)")) {
            ps.setString(1, prefix);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Classifier classifier() {
        return PoolFixture.classifier(project);
    }

    private long rows(String database) throws Exception {
        try (Connection c = Connections.open(admin.sibling(database), Duration.ofSeconds(10)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(DatabaseTarget db, String... sql) throws Exception {
        PoolFixture.exec(db, sql);
    }
}
