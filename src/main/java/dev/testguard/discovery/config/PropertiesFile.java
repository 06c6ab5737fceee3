package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code .properties} file with {@link java.util.Properties#load(java.io.Reader)} semantics (comments,
 * {@code =}/{@code :}/whitespace separators, continuation lines, escapes) but keeps each key's line, and splits
 * Spring Boot's multi-document files at lines that are exactly {@code #---} or {@code !---}.
 */
public final class PropertiesFile {

    private PropertiesFile() {
    }

    public static ConfigFile read(Path path) {
        return parse(path, readText(path));
    }

    public static ConfigFile parse(Path path, String text) {
        List<ConfigDocument> documents = new ArrayList<>();
        List<ConfigEntry> current = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            int startLine = i + 1;
            String natural = lines[i];
            String trimmed = stripLeading(natural);
            if (natural.equals("#---") || natural.equals("!---")) {
                documents.add(new ConfigDocument(current));
                current = new ArrayList<>();
                i++;
                continue;
            }
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#' || trimmed.charAt(0) == '!') {
                i++;
                continue;
            }
            StringBuilder logical = new StringBuilder();
            String part = trimmed;
            while (true) {
                if (endsWithOddBackslashes(part)) {
                    logical.append(part, 0, part.length() - 1);
                    i++;
                    if (i >= lines.length) {
                        break;
                    }
                    part = stripLeading(lines[i]);
                } else {
                    logical.append(part);
                    i++;
                    break;
                }
            }
            current.add(toEntry(path, logical.toString(), startLine));
        }
        documents.add(new ConfigDocument(current));
        return new ConfigFile(path, documents);
    }

    private static ConfigEntry toEntry(Path path, String line, int lineNumber) {
        int limit = line.length();
        int keyLen = 0;
        int valueStart = limit;
        boolean hasSeparator = false;
        boolean precedingBackslash = false;
        while (keyLen < limit) {
            char c = line.charAt(keyLen);
            if ((c == '=' || c == ':') && !precedingBackslash) {
                valueStart = keyLen + 1;
                hasSeparator = true;
                break;
            } else if (isWhitespace(c) && !precedingBackslash) {
                valueStart = keyLen + 1;
                break;
            }
            precedingBackslash = c == '\\' && !precedingBackslash;
            keyLen++;
        }
        while (valueStart < limit) {
            char c = line.charAt(valueStart);
            if (!isWhitespace(c)) {
                if (!hasSeparator && (c == '=' || c == ':')) {
                    hasSeparator = true;
                } else {
                    break;
                }
            }
            valueStart++;
        }
        try {
            return new ConfigEntry(unescape(line.substring(0, keyLen)), unescape(line.substring(valueStart)), lineNumber);
        } catch (IllegalArgumentException e) {
            throw new ConfigFileException(path + ":" + lineNumber + ": " + e.getMessage()
                    + " Fix the escape sequence (write \\\\ for a literal backslash).");
        }
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            c = s.charAt(i++);
            switch (c) {
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw new IllegalArgumentException("malformed \\uxxxx escape.");
                    }
                    int value = 0;
                    for (int k = 0; k < 4; k++) {
                        int digit = Character.digit(s.charAt(i++), 16);
                        if (digit < 0) {
                            throw new IllegalArgumentException("malformed \\uxxxx escape.");
                        }
                        value = value * 16 + digit;
                    }
                    out.append((char) value);
                }
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 'f' -> out.append('\f');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean endsWithOddBackslashes(String s) {
        int count = 0;
        for (int k = s.length() - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
            count++;
        }
        return count % 2 == 1;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    private static String stripLeading(String s) {
        int k = 0;
        while (k < s.length() && isWhitespace(s.charAt(k))) {
            k++;
        }
        return s.substring(k);
    }

    static String readText(Path path) {
        ConfigLimits.checkSize(path);
        try {
            byte[] bytes = Files.readAllBytes(path);
            try {
                return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new ConfigFileException(path + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
