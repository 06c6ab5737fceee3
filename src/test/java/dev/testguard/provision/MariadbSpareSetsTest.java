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

/** MariaDB's pool in sets on the real local MariaDB: spares already named as provision names them, claimed whole. */
class MariadbSpareSetsTest {

    private static final int ROWS = 5_000;

    @TempDir
    Path project;

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String prefix = "provsets" + run + "_";
    private final String source = "provsets_" + run + "_src_test";
    private DatabaseTarget server;
    private DatabaseAdmin admin;

    @BeforeEach
    void baseline() throws Exception {
        server = new DatabaseTarget(JdbcUrlParser.parse("jdbc:mariadb://localhost:3306/"), new Credentials("root", ""));
        admin = DatabaseAdmins.forTarget(server);
        admin.create(source);
        PoolFixture.fillMariadbSource(src(), ROWS);
        saveBaseline();
    }

    @AfterEach
    void dropOurs() throws Exception {
        Set<String> ours = new HashSet<>(List.of(source, Baselines.mariadbBaseline(source)));
        for (int k = 1; k <= 8; k++) {
            ours.add(Baselines.mariadbPoolSpare(source, k));
        }
        ours.addAll(PoolFixture.registered(project)); // what a failed test left
        ours.addAll(strings("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '" + prefix + "%'"));
        for (String name : ours) {
            admin.drop(name);
        }
    }

    @Test
    void aWholeSetIsClaimedByItsMarkersWithViewsTriggersTokenStampAndTheUrlOfItsNames() throws Exception {
        Provisioner.Result first = provisioner(registry("a"), 4).provision(4, src(), "key1", classifier());
        assertThat(first.fromSpares()).as("an empty pool: the first provision copies the baseline").isZero();
        assertThat(first.refill().refill().made()).hasSize(4);
        List<String> set = spares();
        assertThat(set).hasSize(4).allMatch(n -> n.matches(prefix + "\\d{14}_[0-9a-f]{6}_test_[1-4]"));
        for (int k = 0; k < 4; k++) { // a fingerprint only the spare itself holds: a copy of the baseline would not
            exec(admin.sibling(set.get(k)), "INSERT INTO items VALUES (" + (-k - 1) + ", 'spare')");
        }

        Provisioner.Result pooled = provisioner(registry("a"), 4).provision(4, src(), "key1", classifier());

        assertThat(pooled.fromSpares()).isEqualTo(4);
        assertThat(pooled.databases()).extracting(ProvisionedDatabase::name).containsExactlyElementsOf(set);
        String setName = set.get(0).substring(0, set.get(0).length() - 2);
        assertThat(pooled.url()).isEqualTo("jdbc:mariadb://localhost:3306/" + setName + "_${surefire.forkNumber}");
        for (int k = 0; k < 4; k++) {
            ProvisionedDatabase d = pooled.databases().get(k);
            DatabaseTarget db = admin.sibling(d.name());
            assertThat(d.fork()).isEqualTo(k + 1);
            assertThat(scalar(db, "SELECT MIN(id) FROM items")).as("the spare itself, in fork order").isEqualTo(-k - 1L);
            assertThat(scalar(db, "SELECT COUNT(*) FROM items WHERE id > 0")).isEqualTo(ROWS);
            assertThat(scalar(db, "SELECT COUNT(*) FROM named")).as("the view, made with the set").isEqualTo(10);
            exec(db, "INSERT INTO parts VALUES (3, 3)");
            assertThat(scalar(db, "SELECT COUNT(*) FROM audit")).as("the trigger, made with the set").isEqualTo(1);
            assertThat(admin.provisionToken(d.name())).contains(d.token());
            assertThat(TestStamps.read(db)).map(Stamp::role).contains(Stamp.Role.TEST);
            assertThat(string(db, "SELECT marker FROM testguard_pool_set")).isEqualTo("testguard-pool-claimed");
        }
        assertThat(readySets(4)).as("claimed: no longer ready").isEmpty();
        assertThat(scalar(src(), "SELECT COUNT(*) FROM items")).as("the source is untouched").isEqualTo(ROWS);
        assertThat(pooled.refill().refill().made()).as("a new set, the claimed one left to its build").hasSize(4);
        List<String> next = spares();
        assertThat(next).as("the claimed set is no spare any more").hasSize(4).doesNotContainAnyElementsOf(set);

        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(8);
        assertThat(spares()).as("release dropped the claimed set, the ready one stays").isEqualTo(next);
        for (String name : set) {
            assertThat(admin.exists(name)).as(name).isFalse();
        }
        assertThat(SparePool.drop(server, src(), prefix)).as("dropSpares drops the ready set").hasSize(4);
        assertThat(spares()).isEmpty();
    }

    @Test
    void fourBuildsAtOnceNeverGetTheSameSetAndTheOthersFallBackToCopies() throws Exception {
        SparePool pool = new SparePool(server, src(), 8, new TestStamps(Clock.systemUTC(), "g:a"))
                .inSets(server, prefix, 2, Clock.systemUTC());
        assertThat(pool.refill().made()).as("8 spares: 4 sets of 2").hasSize(8);
        assertThat(readySets(2)).hasSize(4);
        pool.refill();
        assertThat(spares()).as("a refill of a full pool makes nothing").hasSize(8);
        List<Provisioner.Result> runs = PoolFixture.atOnce(4,
                i -> () -> provisioner(registry("b" + i), 2).provision(2, src(), "key1", classifier()));
        Set<String> names = new HashSet<>();
        Set<String> urls = new HashSet<>();
        for (Provisioner.Result r : runs) {
            assertThat(r.fromSpares()).as("a whole set each").isEqualTo(2);
            urls.add(r.url());
            for (ProvisionedDatabase d : r.databases()) {
                names.add(d.name());
                assertThat(admin.provisionToken(d.name())).as(d.name()).contains(d.token());
            }
        }
        assertThat(names).hasSize(8);
        assertThat(urls).hasSize(4);
        assertThat(readySets(2)).isEmpty();

        List<Provisioner.Result> more = PoolFixture.atOnce(4,
                i -> () -> provisioner(registry("c" + i), 2).provision(2, src(), "key1", classifier()));
        assertThat(more).as("no set left: each copies the baseline").allMatch(r -> r.fromSpares() == 0);
        for (int i = 0; i < 4; i++) {
            assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("b" + i)).release())
                    .as("each build holds the token of each database of its set").hasSize(2);
            assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("c" + i)).release()).hasSize(2);
        }
        assertThat(spares()).isEmpty();
    }

    @Test
    void aSetOfAnotherSizeIsLeftForItsBuildsAndTheProvisionFallsBack() throws Exception {
        provisioner(registry("a"), 4).provision(4, src(), "key1", classifier()).refill().refill();
        List<String> fours = spares();

        Provisioner.Result two = provisioner(registry("a"), 2).provision(2, src(), "key1", classifier());

        assertThat(two.fromSpares()).as("only sets of 4 are ready: two copies").isZero();
        assertThat(two.url()).doesNotContain(fours.get(0).substring(0, fours.get(0).length() - 2));
        assertThat(readySets(4)).hasSize(1);
        assertThat(two.refill().refill().made()).as("a set of 2 is made; the set of 4 is left alone").hasSize(2);
        assertThat(readySets(4)).containsExactly(fours);
        assertThat(provisioner(registry("a"), 2).provision(2, src(), "key1", classifier()).fromSpares()).isEqualTo(2);
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(8);
        assertThat(SparePool.drop(server, src(), prefix)).containsExactlyInAnyOrderElementsOf(fours);
    }

    @Test
    void withNoSetOfItsSizeAProvisionTakesSingleSparesAsBefore() throws Exception {
        new Provisioner(server, prefix, Clock.systemUTC(), registry("old"), "g:a", project).withSpares(2)
                .provision(1, src(), "key1", classifier()).refill().refill(); // single spares, moved by a claim
        new Releaser(server, prefix, Clock.systemUTC(), registry("old")).release();
        List<String> singles = PoolFixture.existing(admin, k -> Baselines.mariadbPoolSpare(source, k));
        assertThat(singles).hasSize(2);

        Provisioner.Result two = provisioner(registry("a"), 2).provision(2, src(), "key1", classifier());

        assertThat(two.fromSpares()).as("no set yet: today's single spares").isEqualTo(2);
        assertThat(PoolFixture.existing(admin, k -> Baselines.mariadbPoolSpare(source, k))).isEmpty();
        assertThat(two.refill().refill().made()).as("the pool is refilled as a set").hasSize(2);
        assertThat(readySets(2)).hasSize(1);
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(2);
    }

    @Test
    void aNewBaselineMakesASetStaleAndARefillDropsItAndAHalfFilledOne() throws Exception {
        provisioner(registry("a"), 2).provision(2, src(), "key1", classifier()).refill().refill();
        List<String> old = spares();
        exec(admin.sibling(old.get(0)), "UPDATE testguard_pool_set SET marker = 'testguard-pool-filling'");
        provisioner(registry("a"), 2).provision(2, src(), "key1", classifier()).refill().refill();
        List<String> replaced = spares();
        assertThat(replaced).as("the half-filled set (a refill killed) replaced").hasSize(2).doesNotContainAnyElementsOf(old);
        exec(src(), "INSERT INTO items VALUES (" + (ROWS + 1) + ", 'new')");
        saveBaseline();

        Provisioner.Result afterChange = provisioner(registry("a"), 2).provision(2, src(), "key1", classifier());

        assertThat(afterChange.fromSpares()).as("a set of the old baseline is not handed out").isZero();
        SparePool.Refill refill = afterChange.refill().refill();
        assertThat(refill.replacedStale()).containsExactlyInAnyOrderElementsOf(replaced);
        assertThat(refill.made()).hasSize(2);
        Provisioner.Result fromNew = provisioner(registry("a"), 2).provision(2, src(), "key1", classifier());
        assertThat(fromNew.fromSpares()).isEqualTo(2);
        for (ProvisionedDatabase d : fromNew.databases()) {
            assertThat(scalar(admin.sibling(d.name()), "SELECT COUNT(*) FROM items")).isEqualTo(ROWS + 1);
        }
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(8);
    }

    @Test
    void aClaimThatFailsMidwayChangesNothingAndTheProvisionCopiesInstead() throws Exception {
        provisioner(registry("a"), 3).provision(3, src(), "key1", classifier()).refill().refill();
        List<String> set = spares();
        exec(admin.sibling(set.get(2)), "DROP TABLE testguard_stamp"); // its claim's last write fails

        Provisioner.Result next = provisioner(registry("a"), 3).provision(3, src(), "key1", classifier());

        assertThat(next.fromSpares()).isZero();
        assertThat(next.databases()).extracting(ProvisionedDatabase::name).doesNotContainAnyElementsOf(set);
        for (String spare : set) {
            assertThat(admin.provisionToken(spare)).as("rolled back: no token in " + spare).isEmpty();
            assertThat(string(admin.sibling(spare), "SELECT marker FROM testguard_pool_set")).startsWith("testguard-pool-spare:");
        }
        assertThat(PoolFixture.registered(project)).doesNotContainAnyElementsOf(set);
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(6);
        assertThat(SparePool.drop(server, src(), prefix)).containsExactlyInAnyOrderElementsOf(set);
    }

    @Test
    void aClaimWhoseRecordFailsRollsBackAndTheSetStaysReady() throws Exception {
        provisioner(registry("a"), 2).provision(2, src(), "key1", classifier()).refill().refill();
        List<String> set = spares();
        java.nio.file.Files.writeString(project.resolve("blocked"), "a file where the registry's folder should be");
        ProvisionRegistry unwritable = new ProvisionRegistry(project.resolve("blocked/provisioned.json"));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> provisioner(unwritable, 2).provision(2, src(), "key1", classifier()))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("cannot update");

        assertThat(readySets(2)).as("the claim waited for its record, then rolled back").containsExactly(set);
        for (String spare : set) {
            assertThat(admin.provisionToken(spare)).isEmpty();
        }
        assertThat(provisioner(registry("a"), 2).provision(2, src(), "key1", classifier()).fromSpares()).isEqualTo(2);
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(4);
    }

    @Test
    void aClaimCutShortByAnUncheckedFailureRollsBackInsteadOfCommittingHalfOfIt() throws Exception {
        provisioner(registry("a"), 2).provision(2, src(), "key1", classifier()).refill().refill();
        List<String> set = spares();
        SparePool pool = new SparePool(server, src(), 2, new TestStamps(Clock.systemUTC(), "g:a"))
                .inSets(server, prefix, 2, Clock.systemUTC());

        try (Connection c = pool.connect()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> pool.claimSet(c, set, List.of("0123456789abcdef", "fedcba9876543210"), () -> {
                throw new IllegalStateException("the build's record broke");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(c.getAutoCommit()).as("the connection's own mode is back").isTrue();
        }

        assertThat(readySets(2)).as("rolled back, not committed by restoring auto-commit").containsExactly(set);
        for (String spare : set) {
            assertThat(admin.provisionToken(spare)).as("no token in " + spare).isEmpty();
        }
        assertThat(SparePool.drop(server, src(), prefix)).containsExactlyInAnyOrderElementsOf(set);
    }

    private void saveBaseline() throws Exception {
        new Resetter(project, "g:a", Clock.systemUTC()).reset(src(), new ResetOptions(BaselineMode.SAVE, List.of(), "key1"));
    }

    private Provisioner provisioner(ProvisionRegistry registry, int spares) {
        return new Provisioner(server, prefix, Clock.systemUTC(), registry, "g:a", project).withSpares(spares)
                .withSpareSets(true);
    }

    private ProvisionRegistry registry(String build) {
        return PoolFixture.registry(project, build);
    }

    private DatabaseTarget src() {
        return admin.sibling(source);
    }

    /** The spares of sets that are not claimed, by name. */
    private List<String> spares() throws Exception {
        List<String> out = new ArrayList<>();
        for (String db : strings("SELECT TABLE_SCHEMA FROM information_schema.TABLES WHERE TABLE_NAME = 'testguard_pool_set'"
                + " AND TABLE_SCHEMA LIKE '" + prefix + "%' ORDER BY 1")) {
            if (!string(admin.sibling(db), "SELECT marker FROM testguard_pool_set").equals("testguard-pool-claimed")) {
                out.add(db);
            }
        }
        return out;
    }

    private List<List<String>> readySets(int members) throws Exception {
        SparePool pool = new SparePool(server, src(), members, new TestStamps(Clock.systemUTC(), "g:a"))
                .inSets(server, prefix, members, Clock.systemUTC());
        try (Connection c = pool.connect()) {
            return pool.readySets(c);
        }
    }

    private Classifier classifier() {
        return PoolFixture.classifier(project);
    }

    private List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = Connections.open(server, Duration.ofSeconds(10)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String string(DatabaseTarget db, String sql) throws Exception {
        try (Connection c = Connections.open(db, Duration.ofSeconds(10)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long scalar(DatabaseTarget db, String sql) throws Exception {
        return Long.parseLong(string(db, sql));
    }

    private static void exec(DatabaseTarget db, String... sql) throws Exception {
        PoolFixture.exec(db, sql);
    }
}
