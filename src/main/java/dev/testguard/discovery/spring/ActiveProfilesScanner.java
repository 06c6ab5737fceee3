package dev.testguard.discovery.spring;

import dev.testguard.discovery.ConfigFileException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the distinct profile lists of {@code @ActiveProfiles} in the test sources by a plain text scan
 * ({@code @ActiveProfiles("a")}, {@code ({"a","b"})}, {@code (profiles = ...)}, {@code (value = ...)}).
 */
final class ActiveProfilesScanner {

    private static final Pattern ANNOTATION = Pattern.compile(
            "@(?:org\\.springframework\\.test\\.context\\.)?ActiveProfiles\\s*\\(([^)]*)\\)");
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*(\\{[^}]*}|\\[[^]]*]|\"[^\"]*\")");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");

    List<List<String>> scan(List<Path> sourceRoots) {
        Set<List<String>> found = new LinkedHashSet<>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(ActiveProfilesScanner::isSource).sorted().toList()) {
                    found.addAll(profilesIn(Files.readString(file, StandardCharsets.UTF_8)));
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new ConfigFileException(root + ": test sources cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return new ArrayList<>(found);
    }

    static List<List<String>> profilesIn(String source) {
        List<List<String>> result = new ArrayList<>();
        Matcher m = ANNOTATION.matcher(source);
        while (m.find()) {
            String args = m.group(1);
            String profilesPart = args;
            Matcher attr = ATTRIBUTE.matcher(args);
            boolean named = false;
            while (attr.find()) {
                named = true;
                if (attr.group(1).equals("profiles") || attr.group(1).equals("value")) {
                    profilesPart = attr.group(2);
                    break;
                }
                profilesPart = "";
            }
            if (named && profilesPart.equals(args)) {
                profilesPart = "";
            }
            List<String> profiles = new ArrayList<>();
            Matcher s = STRING.matcher(profilesPart);
            while (s.find()) {
                for (String p : s.group(1).split(",")) {
                    if (!p.isBlank()) {
                        profiles.add(p.trim());
                    }
                }
            }
            result.add(profiles);
        }
        return result;
    }

    private static boolean isSource(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".java") || n.endsWith(".kt") || n.endsWith(".groovy"));
    }
}
