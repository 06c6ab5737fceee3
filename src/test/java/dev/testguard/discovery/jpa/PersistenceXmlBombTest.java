package dev.testguard.discovery.jpa;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.ProjectTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A hostile persistence.xml is refused quickly, in little memory, naming the file; nothing outside it is read. */
class PersistenceXmlBombTest {

    @TempDir
    Path dir;

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE persistence [\n<!ENTITY l0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        write(dtd + "<persistence><persistence-unit name=\"u\"><properties>"
                + "<property name=\"jakarta.persistence.jdbc.url\" value=\"&l9;\"/></properties></persistence-unit></persistence>");
        assertRefused("persistence.xml");
    }

    @Test
    void externalEntityIsNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "jdbc:postgresql://prod/secret");
        write("<!DOCTYPE persistence [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<persistence><persistence-unit name=\"u\"><properties>"
                + "<property name=\"jakarta.persistence.jdbc.url\" value=\"&x;\"/></properties></persistence-unit></persistence>");
        assertRefused("persistence.xml");
    }

    @Test
    void oversizedFileIsRefused() throws Exception {
        Path file = dir.resolve("src/test/resources/META-INF/persistence.xml");
        Files.createDirectories(file.getParent());
        try (var out = Files.newBufferedWriter(file)) {
            out.write("<persistence><!-- ");
            for (int i = 0; i < 5 * 1024; i++) {
                out.write("x".repeat(1024));
            }
            out.write(" --></persistence>");
        }
        assertRefused("larger than");
    }

    @Test
    void deeplyNestedElementsAreRefusedOrRead() {
        write("<persistence>" + "<a>".repeat(20_000) + "</a>".repeat(20_000) + "</persistence>");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                new ProjectTree(dir).discover(new PersistenceXmlSource());
            } catch (ConfigFileException e) {
                assertThat(e.getMessage()).contains("persistence.xml");
            }
        });
    }

    private void write(String xml) {
        new ProjectTree(dir).testResource("META-INF/persistence.xml", xml);
    }

    private void assertRefused(String expected) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            long before = allocatedBytes();
            assertThatThrownBy(() -> new ProjectTree(dir).discover(new PersistenceXmlSource()))
                    .isInstanceOf(ConfigFileException.class)
                    .hasMessageContaining("persistence.xml")
                    .hasMessageContaining(expected)
                    .hasMessageNotContaining("jdbc:postgresql://prod/secret");
            assertThat(allocatedBytes() - before).as("bytes allocated while refusing").isLessThan(64L << 20);
        });
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
