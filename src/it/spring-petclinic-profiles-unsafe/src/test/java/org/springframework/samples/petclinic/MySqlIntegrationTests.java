package org.springframework.samples.petclinic;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The petclinic test after someone dropped its @ServiceConnection container: the mysql profile's database is real. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("mysql")
class MySqlIntegrationTests {

    @Test
    void wouldWipeTheDatabase() throws Exception {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/test-ran.marker"), "a test ran");
    }
}
