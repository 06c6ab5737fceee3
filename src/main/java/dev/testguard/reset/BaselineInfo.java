package dev.testguard.reset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "testguard-baseline");
        node.put("key", key);
        node.put("savedAt", savedAt.toString());
        node.put("source", source);
        node.put("builtBy", builtBy);
        return node.toString();
    }

    /** The info in {@code json}, or null when it is not a testguard baseline record. */
    public static BaselineInfo fromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            // a tree, not data binding: binding a record costs a reset ~20 ms of Jackson start-up
            JsonNode s = JSON.readTree(json);
            if (!"testguard-baseline".equals(text(s, "kind")) || text(s, "key") == null) {
                return null;
            }
            String savedAt = text(s, "savedAt");
            return new BaselineInfo(text(s, "key"), savedAt == null ? Instant.EPOCH : Instant.parse(savedAt), text(s, "source"),
                    text(s, "builtBy"));
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
