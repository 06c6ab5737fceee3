package dev.testguard.runtime.agent.bootstrap;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The records the bootstrap agent writes itself, before (or without) the guard: {@code armed} when the test JVM
 * starts and {@code error} when the guard cannot be installed. Same file and JSON shape as the guard's records
 * ({@code RecordLine}, {@code RuntimeRecords}), written with {@code java.io} alone so the JVM's start pays nothing
 * it would not load anyway.
 */
public final class ForkRecords {

    private ForkRecords() {
    }

    /** The record file of one fork: {@code <token>-<pid>.jsonl}. */
    public static String fileName(String token, long pid) {
        return new StringBuilder(token.length() + 32).append(token).append('-').append(pid).append(".jsonl")
                .toString();
    }

    static String armedLine(String token, long pid, String java) {
        return line("armed", token, pid, ",\"java\":", java);
    }

    static String errorLine(String token, long pid, String message) {
        return line("error", token, pid, ",\"refused\":true,\"message\":", message);
    }

    /** The fields in RecordLine's order: event, token, pid, then the record's own. */
    private static String line(String event, String token, long pid, String fieldsUpToLast, String last) {
        StringBuilder sb = new StringBuilder(128).append("{\"event\":\"").append(event).append("\",\"token\":");
        jsonString(sb, token);
        sb.append(",\"pid\":").append(pid).append(fieldsUpToLast);
        jsonString(sb, last);
        return sb.append('}').toString();
    }

    /** Appends one line to the fork's record file, creating its directory. */
    static void append(String recordsDirectory, String token, long pid, String line) throws IOException {
        appendLine(new File(recordsDirectory, fileName(token, pid)), line);
    }

    /**
     * Appends {@code line} and a newline to {@code file} in one write (a killed fork leaves whole lines), creating
     * its directory; the guard's records go through here too, so the test JVM loads no NIO channel for them.
     */
    public static void appendLine(File file, String line) throws IOException {
        File directory = file.getAbsoluteFile().getParentFile();
        if (!directory.isDirectory() && !directory.mkdirs() && !directory.isDirectory()) {
            throw new IOException("cannot create the records directory " + directory);
        }
        byte[] bytes = line.concat("\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new FileOutputStream(file, true)) {
            out.write(bytes);
        }
    }

    /** A JSON string (RFC 8259): quote, backslash and control characters escaped. */
    public static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
