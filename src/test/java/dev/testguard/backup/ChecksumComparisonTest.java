package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecksumComparisonTest {

    @Test
    void mismatchesNameChangedAndMissingTablesOnly() {
        Map<String, String> expected = Map.of("a", "row-sha256:1", "b", "row-sha256:2", "c", "row-sha256:3");
        Map<String, String> actual = Map.of("a", "row-sha256:1", "b", "row-sha256:X", "d", "row-sha256:4");
        assertThat(TableChecksums.mismatches(expected, actual)).containsExactly("b", "c");
        assertThat(TableChecksums.mismatches(expected, expected)).isEmpty();
        assertThat(TableChecksums.mismatches(Map.of(), actual)).isEmpty();
    }

    @Test
    void manifestWithoutChecksumsStillReads() throws Exception {
        String old = "{\"formatVersion\":1,\"id\":\"x\",\"status\":\"COMPLETE\",\"purpose\":\"backup\",\"engine\":\"pg_dump\","
                + "\"payload\":\"payload\",\"startedAt\":\"2024-01-01T00:00:00Z\",\"finishedAt\":\"2024-01-01T00:00:01Z\","
                + "\"sizeBytes\":3,\"sha256\":\"ab\",\"rowCounts\":{\"public.t\":2}}";
        Manifest m = new ObjectMapper().readValue(old, Manifest.class);
        assertThat(m.checksums()).isEmpty();
        assertThat(m.rowCounts()).containsEntry("public.t", 2L);
        Manifest back = new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(
                new Manifest(1, "x", "COMPLETE", "backup", null, "pg_dump", null, null, null, "payload",
                        "2024-01-01T00:00:00Z", "2024-01-01T00:00:01Z", 3, "ab", Map.of("public.t", 2L),
                        Map.of("public.t", "pg-md5:00"), null)), Manifest.class);
        assertThat(back.checksums()).containsEntry("public.t", "pg-md5:00");
    }
}
