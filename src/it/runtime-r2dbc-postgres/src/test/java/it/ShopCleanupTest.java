package it;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A careless reactive clean-up test. */
class ShopCleanupTest {

    @Test
    void startsFromAnEmptyCustomerTable() throws Exception {
        String database = Files.readString(Path.of("database.txt")).trim();
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("test-ran.marker"), "a test ran");
        ConnectionFactory factory = ConnectionFactories.get("r2dbc:postgresql://postgres@localhost:5432/" + database);
        Long deleted = Mono.usingWhen(factory.create(),
                connection -> Mono.from(connection.createStatement("DELETE FROM customers").execute())
                        .flatMap(result -> Mono.from(result.getRowsUpdated())),
                Connection::close)
            .block();
        System.out.println("deleted " + deleted + " customers");
    }
}
