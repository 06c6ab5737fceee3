package dev.testguard.provision;

import dev.testguard.policy.TestClassifiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.policy.Classifier;
import dev.testguard.policy.PolicySettings;
import dev.testguard.probe.JdbcLiveProbe;
import dev.testguard.probe.LiveProbe;
import dev.testguard.probe.Stamp;
import dev.testguard.reset.BaselineMode;
import dev.testguard.reset.ResetOptions;
import dev.testguard.reset.Resetter;
import dev.testguard.reset.TestStamps;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Provision and release against the real local PostgreSQL and MariaDB. */
class ProvisionerTest {

    @TempDir
    Path project;

    private final List<Runnable> cleanup = new ArrayList<>();
    private final String prefix = "tgp" + UUID.randomUUID().toString().substring(0, 6) + "_";

    @AfterEach
    void cleanUp() {
        cleanup.forEach(Runnable::run);
    }

    private static DatabaseTarget server(String vendor) {
        return vendor.equals("postgresql")
                ? new DatabaseTarget(JdbcUrlParser.parse("jdbc:postgresql://localhost:5432/postgres"), new Credentials("postgres", null))
                : new DatabaseTarget(JdbcUrlParser.parse("jdbc:mariadb://localhost:3306/"), new Credentials("root", ""));
    }

    private Classifier classifier(LiveProbe probe) {
        return TestClassifiers.standard(PolicySettings.defaults(project, project.resolve("target"), false), probe, null);
    }

    private ProvisionRegistry registry() {
        return new ProvisionRegistry(project.resolve("target/testguard/provisioned.json"));
    }

    private void dropAfter(DatabaseTarget server, String name) {
        cleanup.add(() -> {
            try {
                DatabaseAdmins.forTarget(server).drop(name);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void twoForksGetTwoStampedDatabasesThatReleaseDrops(String vendor) throws Exception {
        DatabaseTarget server = server(vendor);
        Provisioner provisioner = new Provisioner(server, prefix, Clock.systemUTC(), registry(), "g:a", project);

        Provisioner.Result result = provisioner.provision(2, null, "k", classifier(new JdbcLiveProbe(Duration.ofSeconds(5), project)));
        result.databases().forEach(d -> dropAfter(server, d.name()));

        assertThat(result.databases()).hasSize(2).extracting(ProvisionedDatabase::fork).containsExactly(1, 2);
        assertThat(result.url()).endsWith("_test_${surefire.forkNumber}");
        DatabaseAdmin admin = DatabaseAdmins.forTarget(server);
        for (ProvisionedDatabase d : result.databases()) {
            assertThat(d.name()).startsWith(prefix).endsWith("_test_" + d.fork());
            assertThat(admin.exists(d.name())).isTrue();
            assertThat(TestStamps.read(admin.sibling(d.name()))).map(Stamp::role).contains(Stamp.Role.TEST);
            String forkUrl = result.url().replace("${surefire.forkNumber}", Integer.toString(d.fork()));
            assertThat(forkUrl).isEqualTo(admin.sibling(d.name()).url().raw());
        }
        assertThat(registry().read()).extracting(ProvisionedDatabase::name)
                .containsExactlyElementsOf(result.databases().stream().map(ProvisionedDatabase::name).toList());

        List<String> released = new Releaser(server, prefix, Clock.systemUTC(), registry()).release();

        assertThat(released).hasSize(2);
        for (ProvisionedDatabase d : result.databases()) {
            assertThat(admin.exists(d.name())).isFalse();
        }
        assertThat(registry().read()).isEmpty();
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry()).release()).as("safe to run again").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void leftoversOfACrashedBuildAreCleanedOnlyWhenOldStampedTestAndNamedLikeOurs(String vendor) throws Exception {
        DatabaseTarget server = server(vendor);
        Clock yesterday = Clock.offset(Clock.systemUTC(), Duration.ofHours(-24));
        ProvisionRegistry crashed = new ProvisionRegistry(project.resolve("crashed/provisioned.json"));
        Provisioner.Result old = new Provisioner(server, prefix, yesterday, crashed, "g:a", project)
                .provision(1, null, "k", classifier(LiveProbe.OFFLINE));
        String oldName = old.databases().get(0).name();
        dropAfter(server, oldName);
        Provisioner.Result recent = new Provisioner(server, prefix, Clock.systemUTC(), crashed, "g:a", project)
                .provision(1, null, "k", classifier(LiveProbe.OFFLINE));
        dropAfter(server, recent.databases().get(0).name());
        DatabaseAdmin admin = DatabaseAdmins.forTarget(server);
        String unstamped = prefix + "20200101000000_abcdef_test";
        admin.create(unstamped);
        dropAfter(server, unstamped);
        String protectedOne = prefix + "20200101000000_abcdee_test";
        admin.create(protectedOne);
        dropAfter(server, protectedOne);
        new dev.testguard.probe.Stamper(yesterday, "me@host", project).stamp(admin.sibling(protectedOne), Stamp.Role.PROTECTED,
                null, null, 10, Duration.ofSeconds(5));

        List<String> cleaned = new Releaser(server, prefix, Clock.systemUTC(), registry()).cleanLeftovers(Duration.ofHours(6), Set.of());

        assertThat(cleaned).containsExactly(oldName);
        assertThat(admin.exists(oldName)).isFalse();
        assertThat(admin.exists(recent.databases().get(0).name())).isTrue();
        assertThat(admin.exists(unstamped)).isTrue();
        assertThat(admin.exists(protectedOne)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void provisionClonesAFreshBaselineAndIgnoresAStaleOne(String vendor) throws Exception {
        DatabaseTarget server = server(vendor);
        DatabaseAdmin admin = DatabaseAdmins.forTarget(server);
        String source = "tg_prov_source_test_" + UUID.randomUUID().toString().substring(0, 8);
        admin.create(source);
        dropAfter(server, source);
        dropAfter(server, source + "__tgbase");
        dropAfter(server, source + "__tgspare");
        DatabaseTarget src = admin.sibling(source);
        try (Connection c = dev.testguard.db.Connections.open(src, Duration.ofSeconds(5)); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE items (id int)");
            st.execute("INSERT INTO items VALUES (42)");
        }
        new Resetter(project, "g:a", Clock.systemUTC()).reset(src, new ResetOptions(BaselineMode.SAVE, List.of(), "key1"));
        Provisioner provisioner = new Provisioner(server, prefix, Clock.systemUTC(), registry(), "g:a", project);

        Provisioner.Result fresh = provisioner.provision(1, src, "key1", classifier(LiveProbe.OFFLINE));
        fresh.databases().forEach(d -> dropAfter(server, d.name()));
        Provisioner.Result stale = provisioner.provision(1, src, "key2", classifier(LiveProbe.OFFLINE));
        stale.databases().forEach(d -> dropAfter(server, d.name()));

        assertThat(fresh.fromBaseline()).isNotNull();
        try (Connection c = dev.testguard.db.Connections.open(admin.sibling(fresh.databases().get(0).name()), Duration.ofSeconds(5));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM items")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        assertThat(stale.fromBaseline()).isNull();
        assertThat(admin.tables(stale.databases().get(0).name())).filteredOn(t -> !t.startsWith("testguard_")).isEmpty();
    }

    @Test
    void refusesARemoteProvisionServer() {
        DatabaseTarget remote = new DatabaseTarget(JdbcUrlParser.parse("jdbc:postgresql://db.example.com:5432/postgres"), Credentials.NONE);
        Provisioner provisioner = new Provisioner(remote, prefix, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), registry(), "g:a", project);

        assertThatThrownBy(() -> provisioner.provision(1, null, "k", classifier(LiveProbe.OFFLINE)))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("refuses to provision").hasMessageContaining("host");
        assertThat(registry().file()).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void threeConcurrentProvisionsKeepAllSixEntriesAndReleaseDropsThemAll(String vendor) throws Exception {
        DatabaseTarget server = server(vendor);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Provisioner.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(pool.submit(() -> {
                go.await();
                return new Provisioner(server, prefix, Clock.systemUTC(), registry(), "g:a", project)
                        .provision(2, null, "k", classifier(LiveProbe.OFFLINE));
            }));
        }
        go.countDown();
        List<String> created = new ArrayList<>();
        for (java.util.concurrent.Future<Provisioner.Result> run : runs) {
            run.get().databases().forEach(d -> {
                created.add(d.name());
                dropAfter(server, d.name());
            });
        }
        pool.shutdown();

        assertThat(created).hasSize(6).doesNotHaveDuplicates();
        assertThat(registry().read()).extracting(ProvisionedDatabase::name).containsExactlyInAnyOrderElementsOf(created);
        assertThat(new Releaser(server, prefix, Clock.systemUTC(), registry()).release()).containsExactlyInAnyOrderElementsOf(created);
        DatabaseAdmin admin = DatabaseAdmins.forTarget(server);
        for (String name : created) {
            assertThat(admin.exists(name)).as(name).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void releaseRefusesADatabaseThatAnEditedRegistryNamesAndKeepsItsData(String vendor) throws Exception {
        DatabaseTarget server = server(vendor);
        DatabaseAdmin admin = DatabaseAdmins.forTarget(server);
        String foreign = prefix + "keep_test";
        admin.create(foreign);
        dropAfter(server, foreign);
        exec(admin.sibling(foreign), "CREATE TABLE items (id INT)", "INSERT INTO items VALUES (7)");
        new TestStamps(Clock.systemUTC(), "g:a").stampTest(admin.sibling(foreign));
        Provisioner.Result ours = new Provisioner(server, prefix, Clock.systemUTC(), registry(), "g:a", project)
                .provision(1, null, "k", classifier(LiveProbe.OFFLINE));
        String ourName = ours.databases().get(0).name();
        dropAfter(server, ourName);
        String edited = java.nio.file.Files.readString(registry().file()).replace("[", "[ {\"name\": \"" + foreign
                + "\", \"server\": \"x\", \"createdAt\": \"2020-01-01T00:00:00Z\", \"fork\": 1, \"token\": \"00112233445566778899aabbccddeeff\"}, {\"name\": \""
                + foreign + "\", \"server\": \"x\", \"createdAt\": \"2020-01-01T00:00:00Z\", \"fork\": 2},");
        java.nio.file.Files.writeString(registry().file(), edited);
        assertThat(registry().read()).hasSize(3);

        assertThatThrownBy(() -> new Releaser(server, prefix, Clock.systemUTC(), registry()).release())
                .isInstanceOf(ProvisionException.class).hasMessageContaining(foreign)
                .hasMessageContaining("this build did not create it").hasMessageContaining("nothing in them was touched");

        assertThat(admin.exists(foreign)).isTrue();
        assertThat(admin.exactRowCounts(foreign)).containsEntry(vendor.equals("postgresql") ? "public.items" : "items", 1L);
        assertThat(TestStamps.read(admin.sibling(foreign))).map(Stamp::role).contains(Stamp.Role.TEST);
        assertThat(admin.exists(ourName)).as("what this build created is dropped").isFalse();
        assertThat(registry().read()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void provisionNeverOverwritesADatabaseOfTheSameNameThatItDidNotCreate(String vendor) throws Exception {
        DatabaseTarget server = server(vendor);
        DatabaseAdmin admin = DatabaseAdmins.forTarget(server);
        Provisioner provisioner = new Provisioner(server, prefix, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
                registry(), "g:a", project);
        provisioner.nameRandom = () -> 0xabcdef;
        String taken = prefix + "20260102030405_abcdef_test";
        admin.create(taken);
        dropAfter(server, taken);
        exec(admin.sibling(taken), "CREATE TABLE items (id INT)", "INSERT INTO items VALUES (7)");
        new TestStamps(Clock.systemUTC(), "g:a").stampTest(admin.sibling(taken));

        assertThatThrownBy(() -> provisioner.provision(1, null, "k", classifier(LiveProbe.OFFLINE)))
                .isInstanceOf(ProvisionException.class).hasMessageContaining(taken)
                .hasMessageContaining("this build did not create it").hasMessageContaining("Nothing was touched");

        assertThat(admin.exactRowCounts(taken)).containsEntry(vendor.equals("postgresql") ? "public.items" : "items", 1L);
        assertThat(admin.provisionToken(taken)).isEmpty();
        assertThat(registry().read()).isEmpty();
    }

    private static void exec(DatabaseTarget db, String... sql) throws Exception {
        try (Connection c = dev.testguard.db.Connections.open(db, Duration.ofSeconds(5)); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
