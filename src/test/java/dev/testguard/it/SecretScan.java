package dev.testguard.it;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The secret-in-output scan of issue 9: a hostile password (space, '/', '@', '%', ';', '&', both quotes, unicode)
 * and every distinctive piece of it are looked for in everything a build left behind: build.log (every invocation's
 * console, {@code -X} included), every file under {@code target/} (report.json, runtime records, agent options,
 * TEST-testguard.xml, Surefire's test output) and every file of the backup store (manifests).
 *
 * <p>Not scanned: the {@code <properties>} block of Surefire's {@code TEST-*.xml}, where Surefire itself lists the
 * fork's system properties (it copies Maven's user properties there, {@code -Dtestguard.password} included); compiled
 * classes and jars.
 */
public final class SecretScan {

    /**
     * Between the separators stand runs of 4 characters found nowhere else in a build's output, so that each piece
     * a broken split could show is searched for.
     */
    public static final String PASSWORD = "Zq81 Wv7k/Hx3m@Jp5n%41;Kd2r&Lt6s'Mb9c\"\u03a9\u03c8\u6f22Nf4g";

    private static final Pattern PROPERTIES = Pattern.compile("(?s)<properties>.*?</properties>");

    private SecretScan() {
    }

    /** The settings.xml {@code <server>} the ITs' settings-secret.xml holds. */
    public static final String SERVER_ID = "secret-db";

    /**
     * Writes {@code basedir/name}: {@code common} plus {@code props}, ISO-8859-1 with {@code \}{@code u} escapes, as
     * the invoker reads a user properties file (a UTF-8 file would hand Maven a mangled password).
     */
    public static void writeProperties(File basedir, String name, Map<String, ?> common, Map<String, ?> props)
            throws IOException {
        Properties p = new Properties();
        common.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        props.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        try (OutputStream out = Files.newOutputStream(new File(basedir, name).toPath())) {
            p.store(out, null);
        }
    }

    /** {@code basedir/settings-secret.xml}: the ITs' settings.xml plus a {@value #SERVER_ID} server with this login. */
    public static void writeSettings(File basedir, String username, String password) throws IOException {
        String settings = Files.readString(basedir.toPath().resolve("../../../src/it/settings.xml"), StandardCharsets.UTF_8);
        Files.writeString(basedir.toPath().resolve("settings-secret.xml"), settings.replace("<profiles>",
                "<servers><server><id>" + SERVER_ID + "</id><username>" + xml(username) + "</username><password>"
                        + xml(password) + "</password></server></servers>\n  <profiles>"), StandardCharsets.UTF_8);
    }

    /** Fills the placeholders of the cloned {@code basedir/pom.xml}, each value XML-escaped. */
    public static void fillPom(File basedir, Map<String, String> placeholders) throws IOException {
        Path pom = basedir.toPath().resolve("pom.xml");
        String text = Files.readString(pom, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            text = text.replace(e.getKey(), xml(e.getValue()));
        }
        Files.writeString(pom, text, StandardCharsets.UTF_8);
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    /** For a MariaDB or PostgreSQL string literal: quotes doubled. */
    public static String sqlLiteral(String password) {
        return "'" + password.replace("'", "''") + "'";
    }

    /** As a user info writes it (a space as %20). */
    public static String userInfoEncoded(String password) {
        return URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** As a query parameter writes it (a space as '+'). */
    public static String queryEncoded(String password) {
        return URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    /**
     * What must never appear: the password, its encoded forms, and every run of 4 or more characters between its
     * separators (raw and encoded), e.g. {@code Wv7k} (after the space) or {@code Hx3m} (after the slash).
     */
    public static List<String> needles(String password) {
        Set<String> needles = new LinkedHashSet<>();
        needles.add(password);
        needles.add(userInfoEncoded(password));
        needles.add(queryEncoded(password));
        for (String separators : List.of("[^A-Za-z0-9]+", "[^\\p{L}\\p{N}]+")) {
            for (String piece : password.split(separators)) {
                if (piece.length() >= 4) {
                    needles.add(piece);
                    needles.add(userInfoEncoded(piece));
                }
            }
        }
        return List.copyOf(needles);
    }

    /** Every "file: needle" where a needle of {@code password} shows, under {@code basedir} and {@code stores}. */
    public static List<String> leaks(File basedir, String password, File... stores) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(basedir.toPath().resolve("build.log"));
        files.addAll(filesUnder(basedir.toPath().resolve("target")));
        for (File store : stores) {
            files.addAll(filesUnder(store.toPath()));
        }
        List<String> leaks = new ArrayList<>();
        List<String> needles = needles(password);
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (file.getFileName().toString().matches("TEST-.*\\.xml") && !file.getFileName().toString().equals("TEST-testguard.xml")) {
                text = PROPERTIES.matcher(text).replaceAll("<properties/>");
            }
            for (String needle : needles) {
                int at = text.indexOf(needle);
                if (at >= 0) {
                    leaks.add(basedir.toPath().relativize(file.toAbsolutePath()) + " shows '" + needle + "': "
                            + line(text, at));
                }
            }
        }
        return leaks;
    }

    /** Fails naming every leak. */
    public static void assertNoLeak(File basedir, String password, File... stores) throws IOException {
        List<String> leaks = leaks(basedir, password, stores);
        ItChecks.check(leaks.isEmpty(), "the password leaked:\n  " + String.join("\n  ", leaks));
    }

    /** The files scanned: build.log and every scanned file under target/ and the stores. */
    public static List<Path> scanned(File basedir, File... stores) throws IOException {
        List<Path> files = new ArrayList<>(filesUnder(basedir.toPath().resolve("target")));
        for (File store : stores) {
            files.addAll(filesUnder(store.toPath()));
        }
        return files;
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(SecretScan::isOutput).toList();
        }
    }

    /** Not compiled classes nor jars. */
    private static boolean isOutput(Path file) {
        String name = file.getFileName().toString();
        String path = file.toString().replace('\\', '/');
        return !name.endsWith(".class") && !name.endsWith(".jar") && !path.contains("/classes/")
                && !path.contains("/test-classes/") && !path.contains("/maven-status/");
    }

    private static String line(String text, int at) {
        int start = Math.max(text.lastIndexOf('\n', at) + 1, at - 160);
        int end = text.indexOf('\n', at);
        end = end < 0 ? text.length() : Math.min(end, at + 160);
        return text.substring(start, end).strip();
    }
}
