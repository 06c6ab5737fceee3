package dev.testguard.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.PgTestDb;
import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import dev.testguard.runtime.agent.bootstrap.WovenCalls;
import dev.testguard.runtime.judge.ConnectionJudge;
import dev.testguard.runtime.judge.ConnectionLog;
import dev.testguard.runtime.judge.TestClasses;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The R2DBC hooks of the guard as the woven {@code ConnectionFactories.find} and {@code create()} call them, with real
 * r2dbc-postgresql against the local PostgreSQL, from this JUnit test class (its test-classes directory is the one the
 * guard looks for test classes in): a factory judged on the guard's own thread is recorded for the test class that
 * called {@code create()}, and {@code find} on an event loop leaves the judgement to {@code create()}'s subscription.
 */
class GuardHooksR2dbcTest {

    private static final PgTestDb DBS = new PgTestDb();
    private static String testDb;
    private static String devDb; // never created: the static rules refuse it

    @TempDir
    Path dir;

    private ConnectionJudge judge;
    private GuardHooks hooks;

    @BeforeAll
    static void createDatabase() throws Exception {
        testDb = DBS.create("leftovers").databaseName();
        devDb = testDb.replace("_test_", "_dev_");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        DBS.close();
    }

    @BeforeEach
    void guard() throws Exception {
        Path testClasses = Path.of(GuardHooksR2dbcTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ConnectionLog log = new ConnectionLog(dir.resolve("records"), "tok", 7);
        judge = new ConnectionJudge(PolicySettings.defaults(dir, dir.resolve("target"), false), false, log,
                new TestClasses(testClasses));
        hooks = new GuardHooks(() -> judge, log);
    }

    @Test
    void aFactoryJudgedOnTheGuardsThreadIsRecordedForTheTestClassThatCalledCreate() throws Exception {
        Object allowed = hooks.r2dbcCreate(direct(testDb), direct(testDb).create(), Mono.class.getName());
        Object refused = hooks.r2dbcCreate(direct(devDb), direct(devDb).create(), Mono.class.getName());

        assertThat(onParallelThread(allowed).flatMap(c -> Mono.from(c.close()).thenReturn("closed")).block())
                .isEqualTo("closed");
        assertThatThrownBy(() -> onParallelThread(refused).block()).isInstanceOf(R2dbcPermissionDeniedException.class)
                .hasMessageStartingWith("testguard refused a connection to jdbc:postgresql://localhost:5432/" + devDb);

        List<RuntimeRecord> connections = connections();
        assertThat(connections).extracting(RuntimeRecord::database).anyMatch(d -> d.endsWith("/" + testDb))
                .anyMatch(d -> d.endsWith("/" + devDb));
        assertThat(connections).as("judged on testguard's thread, for the test class that called create()")
                .extracting(RuntimeRecord::testClass).containsOnly(GuardHooksR2dbcTest.class.getName());
    }

    @Test
    void findOnAnEventLoopJudgesNothingThereAndTheFirstCreateIsJudgedAtSubscriptionByTheOptionsFound() throws Exception {
        ConnectionFactory dev = ConnectionFactories.find(options(devDb));
        ConnectionFactory test = ConnectionFactories.find(options(testDb));

        String devOnTheLoop = Mono.fromCallable(() -> String.valueOf(found(dev, devDb)))
                .subscribeOn(Schedulers.parallel()).block();
        String testOnTheLoop = Mono.fromCallable(() -> String.valueOf(found(test, testDb)))
                .subscribeOn(Schedulers.parallel()).block();

        assertThat(devOnTheLoop).as("find() on a non-blocking thread refuses nothing there, judges nothing there")
                .isEqualTo("null");
        assertThat(testOnTheLoop).isEqualTo("null");
        assertThat(connections()).as("nothing judged yet").isEmpty();
        Object refused = hooks.r2dbcCreate(dev, dev.create(), Publisher.class.getName());
        assertThatThrownBy(() -> onParallelThread(refused).block()).isInstanceOf(R2dbcPermissionDeniedException.class)
                .hasMessageStartingWith("testguard refused a connection to jdbc:postgresql://localhost:5432/" + devDb)
                .hasMessageContaining("Rule 'name'");
        Object allowed = hooks.r2dbcCreate(test, test.create(), Publisher.class.getName());
        assertThat(onParallelThread(allowed).flatMap(c -> Mono.from(c.close()).thenReturn("closed")).block())
                .isEqualTo("closed");
        assertThat(connections()).extracting(RuntimeRecord::testClass).containsOnly(GuardHooksR2dbcTest.class.getName());
        assertThat(connections()).filteredOn(RuntimeRecord::isRefusal).extracting(RuntimeRecord::database)
                .singleElement().asString().endsWith("/" + devDb);
    }

    @Test
    void findOffTheEventLoopStillRefusesAtOnce() {
        ConnectionFactory dev = ConnectionFactories.find(options(devDb));

        assertThat(found(dev, devDb)).startsWith("testguard refused a connection to jdbc:postgresql://localhost:5432/"
                + devDb);
    }

    /** What the woven exit of {@code ConnectionFactories.find} hands the hooks: its options, then the factory. */
    private String found(ConnectionFactory factory, String database) {
        ConnectionFactoryOptions o = options(database);
        List<Option<?>> read = List.of(ConnectionFactoryOptions.DRIVER, ConnectionFactoryOptions.PROTOCOL,
                ConnectionFactoryOptions.HOST, ConnectionFactoryOptions.PORT, ConnectionFactoryOptions.DATABASE,
                ConnectionFactoryOptions.USER, ConnectionFactoryOptions.PASSWORD);
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < read.size(); i++) {
            Object value = o.getValue(read.get(i));
            if (value != null) {
                options.put(WovenCalls.R2DBC_OPTIONS[i], value.toString());
            }
        }
        return hooks.judgeR2dbc(options, ConnectionFactories.class.getClassLoader(), factory);
    }

    private static ConnectionFactoryOptions options(String database) {
        return ConnectionFactoryOptions.parse("r2dbc:postgresql://postgres@localhost:5432/" + database);
    }

    private static PostgresqlConnectionFactory direct(String database) {
        return new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder().host("localhost")
                .port(5432).database(database).username("postgres").build());
    }

    /** The publisher {@code create()} returned, subscribed on Reactor's parallel scheduler: non-blocking threads. */
    private static Mono<Connection> onParallelThread(Object publisher) {
        @SuppressWarnings("unchecked")
        Publisher<Connection> p = (Publisher<Connection>) publisher;
        return Mono.from(p).subscribeOn(Schedulers.parallel());
    }

    private List<RuntimeRecord> connections() {
        return RuntimeRecords.read(dir.resolve("records"), "tok").stream()
                .filter(r -> r.event().equals(RuntimeRecord.CONNECTION)).toList();
    }
}
