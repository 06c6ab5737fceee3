package dev.testguard.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code target/testguard/report.json}: the same content as the console table, for tools.
 * Uses Jackson's streaming generator: databind's start-up alone would cost a build several hundred milliseconds.
 */
public final class JsonReport {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    public static void write(Report report, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (JsonGenerator json = FACTORY.createGenerator(tmp.toFile(), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("project", report.project());
            json.writeStringField("phase", report.phase());
            json.writeStringField("generatedAt", report.generatedAt().toString());
            json.writeBooleanField("offline", report.offline());
            json.writeNumberField("millis", report.millis());
            strings(json, "testRuns", report.testRuns());
            strings(json, "skippedRuns", report.skippedRuns());
            strings(json, "warnings", report.warnings());
            json.writeObjectFieldStart("counts");
            for (Map.Entry<String, Long> count : counts(report).entrySet()) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("urls");
            for (ReportEntry e : report.entries()) {
                entry(json, e);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void entry(JsonGenerator json, ReportEntry e) throws IOException {
        json.writeStartObject();
        json.writeStringField("url", e.url());
        json.writeStringField("classification", e.classification().name());
        json.writeStringField("rule", e.rule());
        json.writeStringField("reason", e.reason());
        json.writeStringField("fix", e.fix());
        json.writeStringField("key", e.key());
        json.writeStringField("source", e.source());
        strings(json, "testRuns", e.testRuns());
        json.writeStringField("live", e.live());
        strings(json, "overrides", e.overrides());
        strings(json, "testClasses", e.testClasses());
        json.writeStringField("activation", e.activation());
        strings(json, "lifted", e.lifted());
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    private static Map<String, Long> counts(Report report) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ReportEntry e : report.entries()) {
            counts.merge(e.classification().name(), 1L, Long::sum);
        }
        return counts;
    }
}
