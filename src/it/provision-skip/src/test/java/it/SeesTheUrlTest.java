package it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SeesTheUrlTest {

    @Test
    void writesWhatSurefireHandedOver() throws Exception {
        Files.writeString(Path.of(System.getProperty("marker.dir"), "urls.txt"),
                "db.url=[" + System.getProperty("db.url", "<absent>") + "]\n"
                        + "spring.url=[" + System.getProperty("spring.url", "<absent>") + "]\n");
    }
}
