package dev.testguard.reset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;

/**
 * What is stored with a baseline, to tell whether it is still fresh.
 *
 * @param key     hash of the files that built it (see {@link BaselineKey}); a baseline whose key differs from the
 *                current one is stale
 * @param savedAt when it was captured
 * @param source  the database it was captured from (name only)
 * @param builtBy {@code initScripts} when testguard built it from the init scripts (and may rebuild it),
 *                {@code save} when a user saved it with {@code -Dtestguard.baseline=save}
 */
public record BaselineInfo(String key, Instant savedAt, String source, String builtBy) {

    public static final String BUILT_BY_INIT_SCRIPTS = "initScripts";
    public static final String BUILT_BY_SAVE = "save";
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean builtByInitScripts() {
        return BUILT_BY_INIT_SCRIPTS.equals(builtBy);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(new Stored("testguard-baseline", key, savedAt.toString(), source, builtBy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The info in {@code json}, or null when it is not a testguard baseline record. */
    public static BaselineInfo fromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            Stored s = JSON.readValue(json, Stored.class);
            if (!"testguard-baseline".equals(s.kind()) || s.key() == null) {
                return null;
            }
            return new BaselineInfo(s.key(), s.savedAt() == null ? Instant.EPOCH : Instant.parse(s.savedAt()), s.source(),
                    s.builtBy());
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private record Stored(String kind, String key, String savedAt, String source, String builtBy) {
    }
}
