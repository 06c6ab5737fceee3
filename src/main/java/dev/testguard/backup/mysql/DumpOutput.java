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
    /** For each byte, the letter that follows the backslash when it must be escaped, else 0. */
    private static final byte[] ESCAPE = new byte[256];

    static {
        ESCAPE[0] = '0';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
        ESCAPE['\\'] = '\\';
        ESCAPE['\''] = '\'';
        ESCAPE['"'] = '"';
        ESCAPE[0x1A] = 'Z';
    }

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
        region(bytes, 0, bytes.length);
        return this;
    }

    void put(byte b) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = b;
    }

    /** A quoted string literal from the value's UTF-8 bytes; runs without specials are copied whole. */
    void quoted(byte[] value) throws IOException {
        put((byte) '\'');
        int run = 0;
        for (int i = 0; i < value.length; i++) {
            byte letter = ESCAPE[value[i] & 0xFF];
            if (letter != 0) {
                region(value, run, i - run);
                escape(letter);
                run = i + 1;
            }
        }
        region(value, run, value.length - run);
        put((byte) '\'');
    }

    private void region(byte[] bytes, int from, int length) throws IOException {
        if (length > buf.length - pos) {
            flushBuffer();
            if (length > buf.length) {
                out.write(bytes, from, length);
                written += length;
                return;
            }
        }
        System.arraycopy(bytes, from, buf, pos, length);
        pos += length;
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
            if (buf.length - pos < 2) {
                flushBuffer();
            }
            buf[pos++] = HEX[(b >> 4) & 0xF];
            buf[pos++] = HEX[b & 0xF];
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
