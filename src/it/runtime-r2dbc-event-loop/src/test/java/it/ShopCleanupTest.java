package it;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A careless reactive clean-up test whose connections are subscribed on Reactor's non-blocking threads. */
class ShopCleanupTest {

    @Test
    void startsFromAnEmptyCustomerTableWithAFactoryBuiltByHand() throws Exception {
        String database = database();
        ConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                .host("localhost").port(5432).database(database).username("postgres").build());
        deleteOnParallelThread(factory);
    }

    @Test
    void startsFromAnEmptyCustomerTableWithAFactoryFoundOnANonBlockingThread() throws Exception {
        String database = database();
        ConnectionFactory factory = Mono.fromCallable(() -> ConnectionFactories.get(
                "r2dbc:postgresql://postgres@localhost:5432/" + database)).subscribeOn(Schedulers.parallel()).block();
        note("ConnectionFactories.get returned a factory on " + (factory == null ? "nothing" : "a non-blocking thread"));
        deleteOnParallelThread(factory);
    }

    private static void deleteOnParallelThread(ConnectionFactory factory) {
        Long deleted = Mono.usingWhen(factory.create(),
                connection -> Mono.from(connection.createStatement("DELETE FROM customers").execute())
                        .flatMap(result -> Mono.from(result.getRowsUpdated())),
                Connection::close)
            .subscribeOn(Schedulers.parallel())
            .block();
        System.out.println("deleted " + deleted + " customers");
    }

    private static String database() throws Exception {
        note("a test ran");
        return Files.readString(Path.of("database.txt")).trim();
    }

    private static void note(String line) throws Exception {
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), line + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
