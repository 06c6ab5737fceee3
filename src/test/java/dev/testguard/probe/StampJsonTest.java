package dev.testguard.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StampJsonTest {

    private final Stamp stamp = new Stamp(Stamp.Role.PROTECTED, Instant.parse("2025-01-02T03:04:05Z"), "alice@laptop", "g:a");

    @Test
    void blockIsFoundInsideTheUsersTextAndCutOutCleanly() {
        String text = "Orders copy {not json}\n" + StampJson.block(stamp) + "\nmore words";

        StampJson.Block block = StampJson.find(text).orElseThrow();

        assertThat(block.stamp()).isEqualTo(stamp);
        assertThat(text.substring(block.start(), block.end())).isEqualTo(StampJson.block(stamp));
        assertThat(StampJson.withoutBlock(text)).isEqualTo("Orders copy {not json}\n\nmore words");
    }

    @Test
    void jsonHasTheDocumentedFields() {
        assertThat(StampJson.toJson(stamp)).isEqualTo(
                "{\"role\":\"protected\",\"stampedAt\":\"2025-01-02T03:04:05Z\",\"stampedBy\":\"alice@laptop\",\"project\":\"g:a\"}");
        assertThat(StampJson.fromJson(StampJson.toJson(stamp))).contains(stamp);
    }

    @Test
    void malformedOrForeignBlocksAreNotStamps() {
        assertThat(StampJson.find("testguard:{broken")).isEmpty();
        assertThat(StampJson.find("testguard:{\"role\":\"owner\"}")).isEmpty();
        assertThat(StampJson.find(null)).isEmpty();
        assertThat(StampJson.withoutBlock("testguard:{\"role\":\"test\"}")).isNull();
        assertThat(StampJson.find("x testguard:{bad} testguard:{\"role\":\"test\"}").orElseThrow().stamp().role())
                .isEqualTo(Stamp.Role.TEST);
    }
}
