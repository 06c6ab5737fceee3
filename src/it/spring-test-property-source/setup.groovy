import dev.testguard.it.ItDatabase

// the real database, with data; the test class that names it is written here (its name is unique per run)
def db = ItDatabase.createPostgres(basedir, 'database.txt', 'orders', 25)
def source = new File(basedir, 'src/test/java/it/OrdersRepositoryTest.java')
source.parentFile.mkdirs() // git keeps no empty directory
source.text = """package it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
        "spring.datasource.username=postgres",
        "spring.datasource.url=jdbc:postgresql://localhost:5432/" + "${db.name()}"
})
class OrdersRepositoryTest {
    @Test
    void wouldWipeTheDatabase() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/test-ran.marker"), "a test ran");
    }
}
"""
true
