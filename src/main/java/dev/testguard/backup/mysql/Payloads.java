package dev.testguard.backup.mysql;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens a SQL payload for reading, decompressing it when it is gzip, whatever its name. */
final class Payloads {

    private Payloads() {
    }

    static InputStream open(Path payload) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(payload), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }
}
