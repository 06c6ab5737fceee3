package dev.testguard.report.ci;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file and line a report entry's source names ({@code pom.xml:30 maven-surefire-plugin ...},
 * {@code src/test/resources/application.properties:2}), relative to the CI workspace; null file for sources that are
 * no file (an environment variable, the command line).
 */
public record SourceLocation(String file, int line) {

    private static final Pattern FILE_LINE = Pattern.compile("^([^\\s:]+\\.[A-Za-z0-9]+)(?::(\\d+))?(?:\\s|$)");

    public static final SourceLocation NONE = new SourceLocation(null, 0);

    /**
     * @param source    the entry's source text
     * @param moduleDir the module's base directory (sources are relative to it)
     * @param workspace the CI checkout directory, or null: paths stay relative to the module
     */
    public static SourceLocation of(String source, Path moduleDir, Path workspace) {
        if (source == null) {
            return NONE;
        }
        Matcher m = FILE_LINE.matcher(source);
        if (!m.find()) {
            return NONE;
        }
        String file = m.group(1);
        int line = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (workspace != null && moduleDir != null) {
            Path absolute = moduleDir.toAbsolutePath().normalize().resolve(file).normalize();
            Path root = workspace.toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                file = root.relativize(absolute).toString().replace('\\', '/');
            }
        }
        return new SourceLocation(file, line);
    }

    public boolean hasFile() {
        return file != null;
    }
}
