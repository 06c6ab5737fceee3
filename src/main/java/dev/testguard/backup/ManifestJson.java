package dev.testguard.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code manifest.json} through Jackson's streaming API. The JSON is the one databind wrote for {@link Manifest}
 * (its property order, nulls left out except in {@code verification}, pretty-printed, the derived {@code complete}
 * last), and it is read as leniently (unknown properties ignored, missing ones null or 0, scalars coerced). Databind
 * itself is left out of the backup: building an ObjectMapper and introspecting the records costs some 0.4 s of CPU
 * on a cold JVM, which a backup paid beside pg_dump, on the cores pg_dump needs (issue 10).
 */
final class ManifestJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private ManifestJson() {
    }

    /** Loads the streaming classes (a fraction of databind's set-up), e.g. beside a dump. */
    static void prepare() {
        FACTORY.getFormatName();
    }

    static byte[] write(Manifest m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("formatVersion", m.formatVersion());
            fields(g, false, "id", m.id(), "status", m.status(), "purpose", m.purpose());
            if (m.database() != null) {
                Manifest.Database d = m.database();
                writeObject(g, "database", false, "name", d.name(), "vendor", d.vendor(), "maskedUrl", d.maskedUrl(),
                        "serverVersion", d.serverVersion());
            }
            fields(g, false, "engine", m.engine(), "tool", m.tool(), "toolVersion", m.toolVersion(), "format", m.format(),
                    "payload", m.payload(), "startedAt", m.startedAt(), "finishedAt", m.finishedAt());
            g.writeNumberField("sizeBytes", m.sizeBytes());
            fields(g, false, "sha256", m.sha256());
            writeMap(g, "rowCounts", m.rowCounts());
            writeMap(g, "checksums", m.checksums());
            if (m.verification() != null) {
                Manifest.Verification v = m.verification();
                writeObject(g, "verification", true, "verifiedAt", v.verifiedAt(), "result", v.result(), "details", v.details());
            }
            g.writeBooleanField("complete", m.isComplete());
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** {@code name: {...}} of {@link #fields}. */
    private static void writeObject(JsonGenerator g, String name, boolean nulls, String... namesAndValues) throws IOException {
        g.writeObjectFieldStart(name);
        fields(g, nulls, namesAndValues);
        g.writeEndObject();
    }

    /** Text fields from alternating names and values; a null value is left out unless {@code nulls}. */
    private static void fields(JsonGenerator g, boolean nulls, String... namesAndValues) throws IOException {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (nulls || namesAndValues[i + 1] != null) {
                g.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, ?> map) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, ?> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() == null) {
                g.writeNull();
            } else if (e.getValue() instanceof Long n) {
                g.writeNumber(n);
            } else {
                g.writeString(e.getValue().toString());
            }
        }
        g.writeEndObject();
    }

    /** The manifest in {@code file}; an IOException when it is not one (malformed JSON, a property of the wrong kind). */
    static Manifest read(Path file) throws IOException {
        Object top;
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            top = value(p, p.nextToken());
        }
        try {
            Map<String, Object> o = object(top);
            return new Manifest((int) number(o.get("formatVersion")), text(o.get("id")), text(o.get("status")),
                    text(o.get("purpose")), database(o.get("database")), text(o.get("engine")), text(o.get("tool")),
                    text(o.get("toolVersion")), text(o.get("format")), text(o.get("payload")), text(o.get("startedAt")),
                    text(o.get("finishedAt")), number(o.get("sizeBytes")), text(o.get("sha256")),
                    mapOf(o.get("rowCounts"), v -> v == null ? null : number(v)), mapOf(o.get("checksums"), ManifestJson::text),
                    verification(o.get("verification")));
        } catch (RuntimeException e) {
            throw new IOException("not a manifest: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static Manifest.Database database(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> d = object(value);
        return new Manifest.Database(text(d.get("name")), text(d.get("vendor")), text(d.get("maskedUrl")),
                text(d.get("serverVersion")));
    }

    private static Manifest.Verification verification(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> v = object(value);
        return new Manifest.Verification(text(v.get("verifiedAt")), text(v.get("result")), text(v.get("details")));
    }

    /** The JSON value that starts at {@code t}: an object as a map, an array as a list, a scalar as itself. */
    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("empty manifest");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken x = p.nextToken(); x != JsonToken.END_ARRAY; x = p.nextToken()) {
                    l.add(value(p, x));
                }
                return l;
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> {
                return p.getText();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("an object expected, not " + value);
    }

    private static <V> Map<String, V> mapOf(Object value, Function<Object, V> convert) {
        Map<String, V> out = new TreeMap<>();
        if (value != null) {
            object(value).forEach((k, v) -> out.put(k, convert.apply(v)));
        }
        return out;
    }

    private static String text(Object value) {
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("a text expected, not " + value);
        }
        return value == null ? null : value.toString();
    }

    private static long number(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            return Long.parseLong(s.trim());
        }
        throw new IllegalArgumentException("a number expected, not " + value);
    }
}
