package dev.testguard.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes {@code target/testguard/report.json}: the same content as the console table, for tools. */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private JsonReport() {
    }

    public static void write(Report report, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            MAPPER.writeValue(out, toTree(report));
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static Map<String, Object> read(Path file) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = MAPPER.readValue(file.toFile(), Map.class);
        return tree;
    }

    private static Map<String, Object> toTree(Report report) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("project", report.project());
        tree.put("phase", report.phase());
        tree.put("generatedAt", report.generatedAt().toString());
        tree.put("offline", report.offline());
        tree.put("testRuns", report.testRuns());
        tree.put("skippedRuns", report.skippedRuns());
        tree.put("warnings", report.warnings());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ReportEntry e : report.entries()) {
            counts.merge(e.classification().name(), 1L, Long::sum);
        }
        tree.put("counts", counts);
        tree.put("urls", report.entries());
        return tree;
    }
}
