package dev.testguard.probe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The text form of a stamp where a vendor offers only free text (the PostgreSQL database comment):
 * {@code testguard:{"role":"protected","stampedAt":"...","stampedBy":"alice@laptop","project":"g:a"}}.
 * The block is found inside surrounding text and can be cut out again, so a user's own comment survives.
 */
final class StampJson {

    static final String PREFIX = "testguard:";

    /** Loaded on first use only: an unstamped database must not pay for Jackson's start-up in every build. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Where a stamp block sits in a larger text: {@code [start, end)}. */
    record Block(Stamp stamp, int start, int end) {
    }

    private StampJson() {
    }

    static String block(Stamp stamp) {
        return PREFIX + toJson(stamp);
    }

    static String toJson(Stamp stamp) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("role", stamp.role().label());
        node.put("stampedAt", stamp.stampedAt().toString());
        node.put("stampedBy", stamp.stampedBy());
        node.put("project", stamp.project());
        return node.toString();
    }

    /** Reads a stamp from its JSON object; empty when the text is not a stamp we understand. */
    static Optional<Stamp> fromJson(String json) {
        try {
            return toStamp(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first well-formed stamp block in {@code text}, if any. */
    static Optional<Block> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int from = 0;
        while (true) {
            int start = text.indexOf(PREFIX + "{", from);
            if (start < 0) {
                return Optional.empty();
            }
            int jsonStart = start + PREFIX.length();
            try (JsonParser parser = Json.MAPPER.createParser(text.substring(jsonStart))) {
                JsonNode node = Json.MAPPER.readTree(parser);
                // the parser stops right after the object's closing brace: the rest is the user's text
                int end = jsonStart + (int) parser.currentLocation().getCharOffset();
                Optional<Stamp> stamp = toStamp(node);
                if (stamp.isPresent()) {
                    return Optional.of(new Block(stamp.get(), start, end));
                }
            } catch (IOException e) {
                // not JSON after all: keep looking
            }
            from = jsonStart;
        }
    }

    /** {@code text} without any stamp block (and the line break that joined it), or null when nothing is left. */
    static String withoutBlock(String text) {
        if (text == null) {
            return null;
        }
        String rest = text;
        Optional<Block> block;
        while ((block = find(rest)).isPresent()) {
            rest = rest.substring(0, block.get().start()) + rest.substring(block.get().end());
        }
        rest = rest.strip();
        return rest.isEmpty() ? null : rest;
    }

    private static Optional<Stamp> toStamp(JsonNode node) {
        if (node == null || !node.isObject() || !node.hasNonNull("role")) {
            return Optional.empty();
        }
        try {
            Stamp.Role role = Stamp.Role.parse(node.get("role").asText());
            Instant at = node.hasNonNull("stampedAt") ? Instant.parse(node.get("stampedAt").asText()) : null;
            return Optional.of(new Stamp(role, at, text(node, "stampedBy"), text(node, "project")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
