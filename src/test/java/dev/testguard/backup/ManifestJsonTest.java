package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming manifest JSON is the JSON databind wrote, and reads what databind read (manifests already on disk). */
class ManifestJsonTest {

    /** How manifests were written and read before (and how any other reader of them may still read them). */
    private static final ObjectMapper DATABIND = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TempDir
    Path dir;

    private static Manifest manifest(Manifest.Database db, String toolVersion, Map<String, Long> rows,
                                     Map<String, String> checksums, Manifest.Verification v) {
        return new Manifest(Manifest.FORMAT_VERSION, "20260101T000000.000Z-orders", Manifest.COMPLETE, Manifest.PURPOSE_BACKUP,
                db, "pg_dump", "pg_dump", toolVersion, "custom", BackupStore.PAYLOAD, "2026-01-01T00:00:00.123456Z",
                "2026-01-01T00:00:03Z", 19_696_192L, "1724d9c8a6e23ee08e88ceef4e36bef16a39446640d5800c9c35d79ae75ae8f1",
                rows, checksums, v);
    }

    private static final Manifest FULL = manifest(
            new Manifest.Database("orders", "postgresql", "jdbc:postgresql://localhost:5432/orders", "15.20"), "15.20",
            Map.of("public.a", 7_000_000L, "public.b \"x\"", 0L, "ünïcode.t", 70L),
            Map.of("public.b \"x\"", "pg-hashsum:0:0", "ünïcode.t", "pg-hashsum:70:-123456789012345"),
            new Manifest.Verification("2026-01-02T00:00:00Z", Manifest.Verification.FAILED, null));

    private static final Manifest SPARSE = manifest(null, null, Map.of(), Map.of(), null);

    @Test
    void writesTheJsonDatabindWrote() throws IOException {
        for (Manifest m : new Manifest[] {FULL, SPARSE, FULL.withVerification(null),
                SPARSE.withVerification(new Manifest.Verification("t", Manifest.Verification.PASSED, "all 3 tables"))}) {
            assertThat(new String(ManifestJson.write(m), StandardCharsets.UTF_8))
                    .isEqualTo(DATABIND.writeValueAsString(m));
        }
    }

    @Test
    void readsWhatDatabindWroteAsDatabindRead() throws IOException {
        for (Manifest m : new Manifest[] {FULL, SPARSE}) {
            Path file = dir.resolve("manifest.json");
            Files.write(file, DATABIND.writeValueAsBytes(m));
            assertThat(ManifestJson.read(file)).isEqualTo(m).isEqualTo(DATABIND.readValue(file.toFile(), Manifest.class));
        }
    }

    @Test
    void readsLenientlyLikeDatabind() throws IOException {
        // an older manifest: no checksums, no finishedAt, a property this version does not know, a number as text
        String json = "{\"formatVersion\":\"1\",\"id\":\"x\",\"status\":\"COMPLETE\",\"future\":{\"a\":[1,{\"b\":null}]},"
                + "\"sizeBytes\":12,\"rowCounts\":{\"t\":3},\"complete\":true,\"database\":{\"name\":\"orders\",\"new\":1}}";
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, json);
        assertThat(ManifestJson.read(file)).isEqualTo(DATABIND.readValue(json, Manifest.class));
    }

    @Test
    void refusesWhatIsNotAManifest() throws IOException {
        Path file = dir.resolve("manifest.json");
        for (String json : new String[] {"", "{\"id\":", "[1]", "{\"id\":{\"a\":1}}", "{\"sizeBytes\":\"many\"}"}) {
            Files.writeString(file, json);
            assertThatThrownBy(() -> ManifestJson.read(file)).as(json).isInstanceOf(IOException.class);
        }
    }
}
