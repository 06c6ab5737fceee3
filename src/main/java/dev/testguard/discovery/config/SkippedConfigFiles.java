package dev.testguard.discovery.config;

import dev.testguard.discovery.ProjectLayout;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The configuration files the sources would read but skip because they are not regular files (a directory, a FIFO,
 * a link to a device, a link loop), each as a warning naming the file and what it is. The sources themselves only
 * ever read regular files; this says out loud what they passed over.
 */
public final class SkippedConfigFiles {

    private static final Pattern APPLICATION_FILE = Pattern.compile("application.*\\.(properties|ya?ml)");
    private static final List<String> FIXED_NAMES = List.of("META-INF/persistence.xml", "hibernate.properties");

    private SkippedConfigFiles() {
    }

    public static List<String> find(ProjectLayout layout) {
        List<Path> candidates = new ArrayList<>();
        List<Path> dirs = new ArrayList<>(ClasspathResources.classpathDirectories(layout));
        dirs.add(layout.basedir());
        for (Path dir : dirs) {
            candidates.addAll(applicationFiles(dir));
            candidates.addAll(applicationFiles(dir.resolve("config")));
            FIXED_NAMES.forEach(name -> candidates.add(dir.resolve(name)));
        }
        List<String> warnings = new ArrayList<>();
        for (Path candidate : candidates.stream().distinct().toList()) {
            ConfigPaths.problem(candidate).ifPresent(what -> warnings.add(warning(layout.display(candidate), what)));
        }
        return warnings;
    }

    static String warning(String display, String what) {
        return "skipped " + display + ": it is " + what + ", not a regular file, so testguard did not read it"
                + " (and never opens such a file). Make it a regular file or remove it.";
    }

    private static List<Path> applicationFiles(Path dir) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> APPLICATION_FILE.matcher(p.getFileName().toString()).matches())) {
            entries.forEach(found::add);
        } catch (IOException e) {
            // an unlistable directory is reported by the source that lists it
        }
        found.sort(null);
        return found;
    }
}
