package it;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.spi.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A careless reactive clean-up test that builds its connection factory by hand. */
class ShopCleanupTest {

    @Test
    void startsFromAnEmptyCustomerTable() throws Exception {
        String database = Files.readString(Path.of("database.txt")).trim();
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "a test ran");
        PostgresqlConnectionFactory factory = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration
                .builder().host("localhost").port(5432).database(database).username("postgres").build());
        Long deleted = Mono.usingWhen(factory.create(),
                connection -> Mono.from(connection.createStatement("DELETE FROM customers").execute())
                        .flatMap(result -> Mono.from(result.getRowsUpdated())),
                Connection::close)
            .block();
        System.out.println("deleted " + deleted + " customers");
    }
}
