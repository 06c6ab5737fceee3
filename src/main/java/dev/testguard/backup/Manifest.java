package dev.testguard.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code manifest.json} of one backup. Written last: a backup without one is not a backup.
 * Times are ISO-8601 UTC strings so the file reads well and needs no Jackson time module.
 * Read and written by {@link ManifestJson} (Jackson's streaming API, as these annotations lay the JSON out): a new
 * component goes there too, and into {@code ManifestJsonTest}'s full manifest, which pins the two together.
 *
 * @param payload      the payload's name inside the backup directory (a file, or a directory for pg's directory format)
 * @param purpose      {@code backup}, or {@code safety} for the copy taken before a restore overwrote a database
 * @param sha256       of the payload file; for a directory, of its sorted file names and contents
 * @param checksums    content checksum per table where cheap (see {@link TableChecksums}); empty in manifests written
 *                     before checksums existed, whose tables are then verified by row count alone. Each value is
 *                     versioned by its prefix, the algorithm that computed it ({@code pg-hashsum:}, earlier
 *                     {@code pg-md5:}, {@code row-sha256:}), and is verified with that algorithm
 * @param verification null until {@code verify-backup} ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"formatVersion", "id", "status", "purpose", "database", "engine", "tool", "toolVersion", "format",
        "payload", "startedAt", "finishedAt", "sizeBytes", "sha256", "rowCounts", "checksums", "verification"})
public record Manifest(
        int formatVersion,
        String id,
        String status,
        String purpose,
        Database database,
        String engine,
        String tool,
        String toolVersion,
        String format,
        String payload,
        String startedAt,
        String finishedAt,
        long sizeBytes,
        String sha256,
        Map<String, Long> rowCounts,
        Map<String, String> checksums,
        Verification verification) {

    public static final int FORMAT_VERSION = 1;
    public static final String COMPLETE = "COMPLETE";
    public static final String PURPOSE_BACKUP = "backup";
    public static final String PURPOSE_SAFETY = "safety";

    public Manifest {
        rowCounts = rowCounts == null ? Map.of() : new TreeMap<>(rowCounts);
        checksums = checksums == null ? Map.of() : new TreeMap<>(checksums);
    }

    /** The database backed up. {@code maskedUrl} never holds a password. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Database(String name, String vendor, String maskedUrl, String serverVersion) {
    }

    /** The outcome of the last {@code verify-backup}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verification(String verifiedAt, String result, String details) {
        public static final String PASSED = "PASSED";
        public static final String FAILED = "FAILED";
    }

    public Instant started() {
        return Instant.parse(startedAt);
    }

    public boolean isComplete() {
        return COMPLETE.equals(status);
    }

    public Manifest withVerification(Verification v) {
        return new Manifest(formatVersion, id, status, purpose, database, engine, tool, toolVersion, format, payload,
                startedAt, finishedAt, sizeBytes, sha256, rowCounts, checksums, v);
    }
}
