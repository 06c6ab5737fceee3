package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.Wrapped;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mariadb.r2dbc.MariadbConnectionConfiguration;
import org.mariadb.r2dbc.MariadbConnectionFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** Connection factories built directly: what they connect to, read from the real drivers' configuration (no server). */
class R2dbcFactoriesTest {

    @TempDir
    Path dir;

    private static long deadline() {
        return System.nanoTime() + 5_000_000_000L;
    }

    @Test
    void readsTheTargetOfAPostgresqlFactoryBuiltByHand() throws Exception {
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration
                .builder().host("db.example").port(6543).database("shop_dev").username("app").password("pw1")
                .build());

        assertThat(R2dbcTargets.options(factory, deadline())).containsExactlyInAnyOrderEntriesOf(Map.of("driver",
                "postgresql", "host", "db.example", "port", "6543", "database", "shop_dev", "user", "app",
                "password", "pw1"));
    }

    @Test
    void readsEveryHostOfAMultiHostPostgresqlFactory() throws Exception {
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration
                .builder().addHost("a.example", 5432).addHost("b.example", 5433).database("orders_test")
                .username("app").build());

        assertThat(R2dbcTargets.options(factory, deadline())).containsEntry("host", "a.example:5432,b.example:5433")
                .containsEntry("database", "orders_test").doesNotContainKey("port");
    }

    @Test
    void readsTheTargetOfAMariadbFactoryBuiltByHand() throws Exception {
        MariadbConnectionFactory factory = MariadbConnectionFactory.from(MariadbConnectionConfiguration.builder()
                .host("localhost").port(3307).database("billing_prod").username("root").build());

        assertThat(R2dbcTargets.options(factory, deadline())).containsEntry("driver", "mariadb")
                .containsEntry("host", "localhost").containsEntry("port", "3307")
                .containsEntry("database", "billing_prod").containsEntry("user", "root");
    }

    @Test
    void aFactoryWhoseTargetCannotBeReadIsRefusedAndRecordedAsAnError() throws Exception {
        R2dbcFactories factories = new R2dbcFactories(() -> {
            throw new AssertionError("nothing to judge: the target is unknown");
        }, new ConnectionLog(dir, "tok", 7));

        String refusal = factories.refusal(new HandMade(), loader -> (url, info) -> null);

        assertThat(refusal).startsWith("testguard refused the connections of an R2DBC connection factory "
                + HandMade.class.getName() + ": the runtime guard cannot tell which database it connects to")
                .contains("ConnectionFactories.get", "-Dtestguard.runtime=false");
        assertThat(RuntimeRecords.read(dir, "tok")).anyMatch(r -> r.event().equals(RuntimeRecord.ERROR)
                && r.message().equals(refusal));
        assertThat(factories.refusal(new HandMade(), loader -> (url, info) -> null)).isEqualTo(refusal);
    }

    @Test
    void aWrapperIsNotJudgedItselfAndWhatConnectionFactoriesDecidedCoversTheFactoryItWraps() {
        HandMade inner = new HandMade();
        Wrapper pool = new Wrapper(inner);
        R2dbcFactories factories = new R2dbcFactories(() -> {
            throw new AssertionError("judged already");
        }, new ConnectionLog(dir, "tok", 7));

        assertThat(factories.refusal(pool, loader -> (url, info) -> null)).isNull();
        factories.remember(new Wrapper(inner), null);
        assertThat(factories.refusal(inner, loader -> (url, info) -> null)).isNull();
    }

    @Test
    void aFactoryWhoseLiveCheckCannotRunIsRefusedOnceAndRemembered() throws Exception {
        PolicySettings policy = PolicySettings.defaults(dir, dir.resolve("target"), false);
        ConnectionLog log = new ConnectionLog(dir.resolve("records"), "tok", 7);
        ConnectionJudge judge = new ConnectionJudge(policy, false, log, new TestClasses(dir.resolve("tc")));
        R2dbcFactories factories = new R2dbcFactories(() -> judge, log);
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration
                .builder().host("localhost").port(1).database("shop_test").username("app").build());

        String refusal = factories.refusal(factory, loader -> (url, info) -> null);

        assertThat(refusal).startsWith("testguard refused an R2DBC connection factory for jdbc:postgresql://"
                + "localhost:1/shop_test: the runtime guard could not run its live checks").contains(
                "-Dtestguard.offline=true", "-Dtestguard.runtime=false");
        assertThat(factories.refusal(factory, loader -> (url, info) -> null)).isSameAs(refusal);
        assertThat(RuntimeRecords.read(dir.resolve("records"), "tok")).filteredOn(RuntimeRecord::isRefusal).hasSize(1);
    }

    @Test
    void aRefusedCreateSignalsTheRefusalInItsOwnReturnType() throws Exception {
        Object mono = R2dbcErrorSignal.of(PostgresqlConnectionFactory.class, Mono.class.getName(), "testguard refused x");

        assertThat(mono).isInstanceOf(Mono.class);
        assertThatThrownBy(((Mono<?>) mono)::block).isInstanceOf(R2dbcPermissionDeniedException.class)
                .hasMessage("testguard refused x").satisfies(e -> assertThat(((R2dbcPermissionDeniedException) e)
                        .getSqlState()).isEqualTo("28000"));
        assertThat(R2dbcErrorSignal.of(HandMade.class, Publisher.class.getName(), "testguard refused y"))
                .isInstanceOf(Publisher.class);
        assertThatThrownBy(() -> R2dbcErrorSignal.of(HandMade.class, String.class.getName(), "testguard refused z"))
                .isInstanceOf(R2dbcPermissionDeniedException.class).hasMessage("testguard refused z");
    }

    /** A factory of no driver the guard knows. */
    static final class HandMade implements ConnectionFactory {

        @Override
        public Publisher<? extends Connection> create() {
            return Mono.empty();
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return () -> "hand-made";
        }
    }

    /** A pool-like wrapper: connects only through the factory it wraps. */
    static final class Wrapper implements ConnectionFactory, Wrapped<ConnectionFactory> {

        private final ConnectionFactory inner;

        Wrapper(ConnectionFactory inner) {
            this.inner = inner;
        }

        @Override
        public Publisher<? extends Connection> create() {
            return inner.create();
        }

        @Override
        public ConnectionFactoryMetadata getMetadata() {
            return inner.getMetadata();
        }

        @Override
        public ConnectionFactory unwrap() {
            return inner;
        }
    }
}
