package dev.testguard.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -D} properties of {@code .mvn/maven.config}: Maven adds them to the command line, so the build sees them
 * as user properties, but users must be told to change that file, not their command.
 */
public final class MavenConfigFile {

    private MavenConfigFile() {
    }

    /**
     * Where each {@code -Dkey=value} of {@code <rootDirectory>/.mvn/maven.config} is written, keyed by property, for
     * the properties whose value in {@code userProperties} is still the file's (a -D typed on the command line wins).
     */
    public static Map<String, Provenance> origins(Path rootDirectory, Map<String, String> userProperties) {
        Map<String, Provenance> origins = new LinkedHashMap<>();
        Path file = rootDirectory == null ? null : rootDirectory.resolve(".mvn/maven.config");
        if (file == null || !Files.isRegularFile(file)) {
            return origins;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return origins;
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] tokens = lines.get(i).trim().split("\\s+");
            for (int t = 0; t < tokens.length; t++) {
                String define = tokens[t].startsWith("-D") && tokens[t].length() > 2 ? tokens[t].substring(2)
                        : (tokens[t].equals("-D") || tokens[t].equals("--define")) && t + 1 < tokens.length ? tokens[++t]
                        : null;
                if (define != null) {
                    add(origins, define, file, i + 1, userProperties);
                }
            }
        }
        return origins;
    }

    private static void add(Map<String, Provenance> origins, String define, Path file, int line,
                            Map<String, String> userProperties) {
        int eq = define.indexOf('=');
        String key = eq < 0 ? define : define.substring(0, eq);
        String value = eq < 0 ? "true" : unquote(define.substring(eq + 1));
        if (value.equals(userProperties.get(key))) {
            origins.put(key, Provenance.file(file, ".mvn/maven.config", line,
                    "change or remove -D" + key + " in .mvn/maven.config (Maven adds it to every build of this project)"));
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
