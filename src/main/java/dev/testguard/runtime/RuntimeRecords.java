package dev.testguard.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.testguard.runtime.agent.bootstrap.ForkRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The record files the runtime guard writes under {@code target/testguard/runtime}: one JSON object per line, one
 * file per fork ({@code <token>-<pid>.jsonl}), appended and flushed line by line so a killed fork keeps what it
 * recorded. A torn last line (the fork died while writing) is skipped when reading.
 */
public final class RuntimeRecords {

    private RuntimeRecords() {
    }

    public static Path fileFor(Path directory, String token, long pid) {
        return directory.resolve(ForkRecords.fileName(token, pid));
    }

    /** Appends one record as one line; the write reaches the file before this returns. */
    public static synchronized void append(Path file, RuntimeRecord record) throws IOException {
        ForkRecords.appendLine(file.toFile(), RecordLine.of(record));
    }

    /** Every record of this token, fork by fork; an absent directory holds none. */
    public static List<RuntimeRecord> read(Path directory, String token) {
        List<RuntimeRecord> records = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return records;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, token + "-*.jsonl")) {
            for (Path file : files) {
                records.addAll(readFile(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runtime guard's records in " + directory, e);
        }
        return records;
    }

    static List<RuntimeRecord> readFile(Path file) throws IOException {
        return Reader.readFile(file);
    }

    /** Jackson only where records are read (the build side): the test JVM that writes them never loads it. */
    private static final class Reader {

        // unknown fields are ignored: a newer agent's records stay readable
        static final ObjectMapper JSON = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

        static List<RuntimeRecord> readFile(Path file) throws IOException {
            List<RuntimeRecord> records = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(JSON.readValue(line, RuntimeRecord.class));
                } catch (JsonProcessingException torn) {
                    // the fork was killed in the middle of this line: what came before still counts
                }
            }
            return records;
        }
    }
}
