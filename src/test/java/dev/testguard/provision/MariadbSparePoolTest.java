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

/** The pool of ready copies of a baseline on the real local MariaDB: spares whose tables move in one RENAME TABLE. */
class MariadbSparePoolTest {

    private static final int ROWS = 5_000;

    @TempDir
    Path project;

    private final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String prefix = "provpool2" + run + "_";
    private final String source = "provpool2_" + run + "_src_test";
    private final Set<String> created = new HashSet<>();
    private DatabaseTarget server;
    private DatabaseAdmin admin;

    @BeforeEach
    void baseline() throws Exception {
        server = new DatabaseTarget(JdbcUrlParser.parse("jdbc:mariadb://localhost:3306/"), new Credentials("root", ""));
        admin = DatabaseAdmins.forTarget(server);
        created.add(source);
        admin.create(source);
        PoolFixture.fillMariadbSource(src(), ROWS);
        saveBaseline();
    }

    @AfterEach
    void dropOurs() throws Exception {
        created.add(Baselines.mariadbBaseline(source));
        for (int k = 1; k <= 8; k++) {
            created.add(Baselines.mariadbPoolSpare(source, k));
        }
        created.addAll(PoolFixture.registered(project)); // what a failed test left
        for (String name : created) {
            admin.drop(name);
        }
    }

    @Test
    void fourDatabasesFromReadySparesAreTableMovesWithViewsTriggersTokenAndStamp() throws Exception {
        Provisioner.Result first = provisioner(registry("a"), 4).provision(4, src(), "key1", classifier());
        assertThat(first.fromSpares()).as("an empty pool: the first provision copies the baseline").isZero();
        assertThat(first.refill().refill().made()).hasSize(4);
        List<String> spares = spares();
        assertThat(spares).hasSize(4);
        for (int k = 0; k < 4; k++) { // a fingerprint only the spare itself holds: a copy of the baseline would not
            exec(admin.sibling(spares.get(k)), "INSERT INTO items VALUES (" + (-k - 1) + ", 'spare')");
        }

        Provisioner.Result pooled = provisioner(registry("a"), 4).provision(4, src(), "key1", classifier());

        assertThat(pooled.fromSpares()).isEqualTo(4);
        assertThat(spares()).as("every spare was handed out, its emptied database dropped").isEmpty();
        Set<Long> fingerprints = new HashSet<>();
        for (ProvisionedDatabase d : pooled.databases()) {
            DatabaseTarget db = admin.sibling(d.name());
            assertThat(scalar(db, "SELECT COUNT(*) FROM items WHERE id > 0")).isEqualTo(ROWS);
            fingerprints.add(scalar(db, "SELECT MIN(id) FROM items"));
            assertThat(scalar(db, "SELECT COUNT(*) FROM named")).as("the view, recreated on the moved tables").isEqualTo(10);
            exec(db, "INSERT INTO parts VALUES (3, 3)");
            assertThat(scalar(db, "SELECT COUNT(*) FROM audit")).as("the trigger, recreated").isEqualTo(1);
            assertThat(admin.tables(d.name())).doesNotContain("testguard_pool_spare", "testguard_baseline");
            assertThat(admin.provisionToken(d.name())).contains(d.token());
            assertThat(TestStamps.read(db)).map(Stamp::role).contains(Stamp.Role.TEST);
        }
        assertThat(fingerprints).as("each database is a former spare, its tables moved").containsExactlyInAnyOrder(-1L, -2L, -3L, -4L);
        assertThat(scalar(src(), "SELECT COUNT(*) FROM items")).as("the source is untouched").isEqualTo(ROWS);
        assertThat(pooled.refill().refill().made()).hasSize(4);

        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(8);
        assertThat(spares()).as("release leaves the pool's spares alone").hasSize(4);
    }

    @Test
    void aNewBaselineMakesEverySpareStale() throws Exception {
        provisioner(registry("a"), 2).provision(1, src(), "key1", classifier()).refill().refill();
        assertThat(spares()).hasSize(2);
        exec(src(), "INSERT INTO items VALUES (" + (ROWS + 1) + ", 'new')");
        saveBaseline();

        Provisioner.Result afterChange = provisioner(registry("a"), 2).provision(2, src(), "key1", classifier());

        assertThat(afterChange.fromSpares()).as("spares of the old baseline are not handed out").isZero();
        for (ProvisionedDatabase d : afterChange.databases()) {
            assertThat(scalar(admin.sibling(d.name()), "SELECT COUNT(*) FROM items")).isEqualTo(ROWS + 1);
        }
        assertThat(afterChange.refill().refill().replacedStale()).hasSize(2);
        Provisioner.Result fromNewSpares = provisioner(registry("a"), 2).provision(2, src(), "key1", classifier());
        assertThat(fromNewSpares.fromSpares()).isEqualTo(2);
        for (ProvisionedDatabase d : fromNewSpares.databases()) {
            assertThat(scalar(admin.sibling(d.name()), "SELECT COUNT(*) FROM items")).isEqualTo(ROWS + 1);
        }
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(5);
    }

    @Test
    void concurrentProvisionsNeverHandOneSpareToTwo() throws Exception {
        provisioner(registry("fill"), 4).provision(1, src(), "key1", classifier()).refill().refill();
        new Releaser(server, prefix, Clock.systemUTC(), registry("fill")).release();
        assertThat(spares()).hasSize(4);
        List<Provisioner.Result> runs = PoolFixture.atOnce(4,
                i -> () -> provisioner(registry("b" + i), 4).provision(2, src(), "key1", classifier()));
        int fromSpares = 0;
        Set<String> names = new HashSet<>();
        for (Provisioner.Result r : runs) {
            fromSpares += r.fromSpares();
            for (ProvisionedDatabase d : r.databases()) {
                names.add(d.name());
                assertThat(scalar(admin.sibling(d.name()), "SELECT COUNT(*) FROM items")).as(d.name()).isEqualTo(ROWS);
            }
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
    void onlyMarkedSparesAreClaimedOrDroppedAndABaselineWithUnmovableObjectsGetsNone() throws Exception {
        provisioner(registry("a"), 2).provision(1, src(), "key1", classifier()).refill().refill();
        String foreign = Baselines.mariadbPoolSpare(source, 3);
        admin.create(foreign); // someone's database that happens to be named like a spare
        exec(admin.sibling(foreign), "CREATE TABLE mine (id INT)");

        Provisioner.Result next = provisioner(registry("a"), 3).provision(3, src(), "key1", classifier());

        assertThat(next.fromSpares()).as("the two marked spares, never the unmarked one").isEqualTo(2);
        SparePool.Refill refill = next.refill().refill();
        assertThat(refill.made()).hasSize(2);
        assertThat(refill.leftAlone()).containsExactly(foreign);
        assertThat(SparePool.drop(server, src())).containsExactlyInAnyOrder(
                Baselines.mariadbPoolSpare(source, 1), Baselines.mariadbPoolSpare(source, 2));
        assertThat(admin.tables(foreign)).containsExactly("mine");

        exec(admin.sibling(Baselines.mariadbBaseline(source)), "CREATE SEQUENCE ids");
        SparePool.Refill none = provisioner(registry("a"), 2).provision(1, src(), "key1", classifier()).refill().refill();
        assertThat(none.made()).isEmpty();
        assertThat(none.unmovable()).containsExactly("SEQUENCE ids");
        assertThat(none.describe(source)).contains("cannot carry", "copies the baseline instead");
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(5);
        created.add(foreign);
    }

    @Test
    void anEmptySpareLeftByAClaimKilledBeforeItsDropIsReplacedButOneHoldingARoutineIsNot() throws Exception {
        provisioner(registry("a"), 2).provision(1, src(), "key1", classifier()).refill().refill();
        String cutShort = Baselines.mariadbPoolSpare(source, 3);
        admin.create(cutShort); // its tables and marker moved into a claimed database, the JVM died before the drop
        String withRoutine = Baselines.mariadbPoolSpare(source, 4);
        admin.create(withRoutine);
        exec(admin.sibling(withRoutine), "CREATE FUNCTION answer() RETURNS INT DETERMINISTIC RETURN 42");

        SparePool.Refill refill = provisioner(registry("a"), 4).provision(1, src(), "key1", classifier()).refill()
                .refill();

        assertThat(refill.made()).contains(cutShort);
        assertThat(refill.leftAlone()).containsExactly(withRoutine);
        assertThat(admin.tables(cutShort)).contains("items", "parts", "audit");
        assertThat(admin.tables(withRoutine)).isEmpty();
        assertThat(SparePool.drop(server, src())).contains(cutShort).doesNotContain(withRoutine);
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release()).hasSize(2);
    }

    @Test
    void aResetTakesAReadySpareInsteadOfCopyingKeepsCharsetAndStampAndFillsTheSlotAgain() throws Exception {
        provisioner(registry("a"), 2).provision(1, src(), "key1", classifier()).refill().refill();
        new Releaser(server, prefix, Clock.systemUTC(), registry("a")).release();
        List<String> spares = spares();
        assertThat(spares).hasSize(2);
        for (int k = 0; k < 2; k++) {
            exec(admin.sibling(spares.get(k)), "INSERT INTO items VALUES (" + (-k - 1) + ", 'spare')");
        }
        exec(src(), "ALTER DATABASE `" + source + "` CHARACTER SET latin1 COLLATE latin1_swedish_ci",
                "DELETE FROM parts", "DELETE FROM items WHERE id > 100", "DROP VIEW named");

        new Resetter(project, "g:a", Clock.systemUTC()).reset(src(), new ResetOptions(BaselineMode.USE, List.of(), "key1"));

        assertThat(scalar(src(), "SELECT COUNT(*) FROM items WHERE id > 0")).isEqualTo(ROWS);
        assertThat(scalar(src(), "SELECT COUNT(*) FROM items WHERE id < 0")).as("one spare's tables, moved in").isEqualTo(1);
        assertThat(scalar(src(), "SELECT COUNT(*) FROM parts")).isEqualTo(2);
        assertThat(scalar(src(), "SELECT COUNT(*) FROM named")).isEqualTo(10);
        exec(src(), "INSERT INTO parts VALUES (3, 3)");
        assertThat(scalar(src(), "SELECT COUNT(*) FROM audit")).isEqualTo(1);
        assertThat(scalar(src(), "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + source
                + "' AND DEFAULT_COLLATION_NAME = 'latin1_swedish_ci'")).as("its character set, kept").isEqualTo(1);
        assertThat(TestStamps.read(src())).map(Stamp::role).contains(Stamp.Role.TEST);
        assertThat(admin.tables(source)).doesNotContain("testguard_pool_spare");
        assertThat(spares()).as("the slot it took was filled again after the reset").hasSize(2);
        for (String spare : spares()) {
            assertThat(scalar(admin.sibling(spare), "SELECT COUNT(*) FROM items")).isIn((long) ROWS, (long) ROWS + 1);
        }
    }

    private void saveBaseline() throws Exception {
        new Resetter(project, "g:a", Clock.systemUTC()).reset(src(), new ResetOptions(BaselineMode.SAVE, List.of(), "key1"));
    }

    private Provisioner provisioner(ProvisionRegistry registry, int spares) {
        return new Provisioner(server, prefix, Clock.systemUTC(), registry, "g:a", project).withSpares(spares);
    }

    private ProvisionRegistry registry(String build) {
        return PoolFixture.registry(project, build);
    }

    private DatabaseTarget src() {
        return admin.sibling(source);
    }

    private List<String> spares() throws Exception {
        return PoolFixture.existing(admin, k -> Baselines.mariadbPoolSpare(source, k));
    }

    private Classifier classifier() {
        return PoolFixture.classifier(project);
    }

    private static long scalar(DatabaseTarget db, String sql) throws Exception {
        try (Connection c = Connections.open(db, Duration.ofSeconds(10)); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(DatabaseTarget db, String... sql) throws Exception {
        PoolFixture.exec(db, sql);
    }
}
