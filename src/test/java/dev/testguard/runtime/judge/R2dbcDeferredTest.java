package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.policy.PolicySettings;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The first judgement of a factory, deferred to the subscription of {@code create()}'s publisher: with real
 * r2dbc-postgresql against the local PostgreSQL, subscribed inside another connection's {@code flatMap} (on a
 * reactor-netty event loop), it runs on the guard's own thread, and the event loop goes on.
 */
class R2dbcDeferredTest {

    private static final String DB = "r2dbcmore_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())
            + "_test";

    @TempDir
    Path dir;

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createDatabase() throws Exception {
        sql("CREATE DATABASE " + DB);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        sql("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
    }

    private static void sql(String statement) throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/postgres",
                "postgres", ""); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static PostgresqlConnectionFactory factory(String database) {
        return new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder().host("localhost")
                .port(5432).database(database).username("postgres").build());
    }

    private Callable<String> judgement(PostgresqlConnectionFactory factory) {
        PolicySettings policy = PolicySettings.defaults(dir, dir.resolve("target"), false);
        ConnectionLog log = new ConnectionLog(dir.resolve("records"), "tok", 7);
        ConnectionJudge judge = new ConnectionJudge(policy, false, log, new TestClasses(dir.resolve("tc")));
        R2dbcFactories factories = new R2dbcFactories(() -> judge, log);
        return () -> {
            seen.add("judged on " + Thread.currentThread().getName() + " " + Schedulers.isInNonBlockingThread());
            return factories.refusal(factory, loader -> (url, info) -> null); // no JDBC: the live check is R2DBC's
        };
    }

    /** {@code create()} of the factory under judgement, subscribed inside a connection of another factory. */
    private Mono<String> onAnEventLoop(Mono<?> deferred) {
        return Mono.from(factory(DB).create()).flatMap(outer -> {
            seen.add("subscribed on " + Thread.currentThread().getName() + " " + Schedulers.isInNonBlockingThread());
            return deferred.cast(Connection.class).flatMap(c -> Mono.from(c.createStatement("SELECT 1").execute())
                    .flatMap(r -> Mono.from(r.map((row, m) -> row.get(0, Integer.class))))
                    .flatMap(one -> Mono.from(c.close()).thenReturn("one=" + one)))
                    .flatMap(done -> Mono.from(outer.close()).thenReturn(done))
                    .onErrorResume(e -> Mono.from(outer.close()).then(Mono.error(e)));
        });
    }

    @Test
    void createSubscribedOnAnEventLoopIsJudgedOnTheGuardsThreadAndConnects() throws Exception {
        PostgresqlConnectionFactory factory = factory(DB);
        Object deferred = R2dbcDeferred.of(factory.getClass(), Mono.class.getName(), factory.create(),
                judgement(factory));

        assertThat(seen).as("create() judges nothing until subscribed").isEmpty();
        assertThat(onAnEventLoop((Mono<?>) deferred).block()).isEqualTo("one=1");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).startsWith("subscribed on reactor-tcp-").endsWith(" true");
        assertThat(seen.get(1)).startsWith("judged on testguard-r2dbc-judge-").endsWith(" false");
    }

    @Test
    void aRefusalJudgedOffTheEventLoopArrivesAsAnErrorSignal() throws Exception {
        String dev = DB.replace("_test", "_dev"); // no such database: the live check fails, the static rules refuse
        PostgresqlConnectionFactory factory = factory(dev);
        Object deferred = R2dbcDeferred.of(factory.getClass(), Mono.class.getName(), factory.create(),
                judgement(factory));

        assertThatThrownBy(() -> onAnEventLoop((Mono<?>) deferred).block())
                .isInstanceOf(R2dbcPermissionDeniedException.class)
                .hasMessageStartingWith("testguard refused a connection to jdbc:postgresql://localhost:5432/" + dev)
                .hasMessageContaining("Rule 'name'");
        assertThat(seen.get(1)).startsWith("judged on testguard-r2dbc-judge-");
    }

    @Test
    void onABlockingThreadTheJudgementRunsThereAndTheReturnTypeIsKept() throws Exception {
        PostgresqlConnectionFactory factory = factory(DB);
        Object flux = R2dbcDeferred.of(factory.getClass(), Flux.class.getName(), factory.create(),
                judgement(factory));
        Object publisher = R2dbcDeferred.of(factory.getClass(), Publisher.class.getName(), factory.create(),
                judgement(factory));

        assertThat(flux).isInstanceOf(Flux.class);
        assertThat(publisher).isInstanceOf(Mono.class);
        Connection c = ((Flux<?>) flux).cast(Connection.class).blockFirst();
        Mono.from(c.close()).block();
        assertThat(seen).containsExactly("judged on " + Thread.currentThread().getName() + " false");
        assertThat(R2dbcDeferred.of(factory.getClass(), String.class.getName(), factory.create(),
                judgement(factory))).as("no Reactor type: judged at once by the caller").isNull();
    }
}
