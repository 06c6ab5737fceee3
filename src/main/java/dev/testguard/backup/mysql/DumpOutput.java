package dev.testguard.backup.mysql;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPOutputStream;

/**
 * The byte stream a SQL dump is written to: buffered, gzip-compressed when the payload name ends in
 * {@code .gz}, and counting the SQL bytes produced. Values are escaped at the byte level, as
 * {@code mysql_real_escape_string} does: UTF-8 never hides an ASCII special inside a multi-byte sequence.
 */
final class DumpOutput implements AutoCloseable {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private long written;

    private DumpOutput(OutputStream out) {
        this.out = out;
    }

    static DumpOutput create(Path payload) throws IOException {
        OutputStream file = Files.newOutputStream(payload, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (isGzip(payload)) {
            file = new GZIPOutputStream(new BufferedOutputStream(file, BUFFER), BUFFER);
        }
        return new DumpOutput(file);
    }

    static boolean isGzip(Path payload) {
        return payload.getFileName().toString().endsWith(".gz");
    }

    /** SQL bytes produced so far (before compression). */
    long written() {
        return written + pos;
    }

    DumpOutput text(String s) throws IOException {
        raw(s.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    DumpOutput raw(byte[] bytes) throws IOException {
        if (bytes.length > buf.length - pos) {
            flushBuffer();
            if (bytes.length > buf.length) {
                out.write(bytes);
                written += bytes.length;
                return this;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
        return this;
    }

    void put(byte b) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = b;
    }

    /** A quoted string literal from the value's UTF-8 bytes. */
    void quoted(byte[] value) throws IOException {
        put((byte) '\'');
        for (byte b : value) {
            switch (b) {
                case 0 -> escape((byte) '0');
                case '\n' -> escape((byte) 'n');
                case '\r' -> escape((byte) 'r');
                case '\\' -> escape((byte) '\\');
                case '\'' -> escape((byte) '\'');
                case '"' -> escape((byte) '"');
                case 0x1A -> escape((byte) 'Z');
                default -> put(b);
            }
        }
        put((byte) '\'');
    }

    private void escape(byte letter) throws IOException {
        put((byte) '\\');
        put(letter);
    }

    /** A hex literal {@code 0x...}; {@code ''} for an empty value, which has no hex form. */
    void hex(byte[] value) throws IOException {
        if (value.length == 0) {
            put((byte) '\'');
            put((byte) '\'');
            return;
        }
        put((byte) '0');
        put((byte) 'x');
        for (byte b : value) {
            put(HEX[(b >> 4) & 0xF]);
            put(HEX[b & 0xF]);
        }
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, pos);
        written += pos;
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            out.close();
        }
    }
}
