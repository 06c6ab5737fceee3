package dev.testguard.runtime.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.JdbcUrlParser;
import dev.testguard.policy.Endpoints;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The runtime section of the report: every database the tests really touched, and whether static discovery
 * ({@code verify}) had predicted it. Added to {@code report.json} as {@code runtime} and printed on the console.
 */
public final class RuntimeReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuntimeReport() {
    }

    /** Console lines, one per physical database; {@code predicted} holds the masked URLs static discovery found. */
    public static List<String> render(RuntimeVerdict verdict, Set<String> predicted) {
        Set<String> known = identities(predicted);
        List<String> lines = new ArrayList<>();
        lines.add("testguard runtime guard: " + verdict.forks() + " test JVM(s) armed, " + verdict.reports()
                + " test report(s) checked, " + verdict.databases().size() + " database(s) touched");
        List<String> unpredicted = new ArrayList<>();
        for (TouchedDatabase d : verdict.databases()) {
            boolean isPredicted = isPredicted(d, known);
            lines.add("  " + (d.refused() ? "REFUSED " : "") + d.verdict() + " " + d.name() + " (" + d.count()
                    + " connection(s) as " + String.join(", ", d.urls())
                    + (d.testClasses().isEmpty() ? "" : "; " + String.join(", ", sorted(d.testClasses()))) + ")"
                    + (isPredicted ? "" : " [not predicted by static discovery]"));
            if (!isPredicted) {
                unpredicted.add(d.name());
            }
        }
        if (!unpredicted.isEmpty()) {
            lines.add("  not predicted by static discovery: " + String.join(", ", unpredicted));
        }
        return lines;
    }

    /** Adds (or replaces) the {@code runtime} section of the report file, written atomically. */
    public static void write(Path reportFile, RuntimeVerdict verdict, String token) throws IOException {
        ObjectNode root = Files.isRegularFile(reportFile) && JSON.readTree(reportFile.toFile()) instanceof ObjectNode o
                ? o : JSON.createObjectNode();
        Set<String> known = identities(staticUrls(root));
        ObjectNode runtime = root.putObject("runtime");
        runtime.put("token", token);
        runtime.put("failed", verdict.failed());
        runtime.put("forks", verdict.forks());
        runtime.put("reports", verdict.reports());
        ArrayNode databases = runtime.putArray("databases");
        ArrayNode unpredicted = JSON.createArrayNode();
        for (TouchedDatabase d : verdict.databases()) {
            ObjectNode n = databases.addObject();
            n.put("database", d.name());
            n.put("url", d.url());
            d.urls().forEach(n.putArray("urls")::add);
            n.put("verdict", d.verdict());
            n.put("rule", d.rule());
            n.put("reason", d.reason());
            n.put("refused", d.refused());
            n.put("count", d.count());
            sorted(d.testClasses()).forEach(n.putArray("testClasses")::add);
            n.put("predicted", isPredicted(d, known));
            if (!isPredicted(d, known)) {
                unpredicted.add(d.name());
            }
        }
        runtime.set("unpredicted", unpredicted);
        verdict.errors().forEach(runtime.putArray("errors")::add);
        verdict.unguarded().forEach(runtime.putArray("unguarded")::add);
        writeAtomically(reportFile, root);
    }

    private static void writeAtomically(Path reportFile, ObjectNode root) throws IOException {
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Path tmp = reportFile.resolveSibling(reportFile.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, reportFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Static discovery predicted the database when it found any spelling of it. */
    private static boolean isPredicted(TouchedDatabase d, Set<String> known) {
        return d.urls().stream().anyMatch(u -> known.contains(identity(u)));
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    /** The masked URLs of the static section ({@code urls[].url}) of a report file; empty when there is none. */
    public static Set<String> staticUrls(Path reportFile) throws IOException {
        if (!Files.isRegularFile(reportFile)) {
            return Set.of();
        }
        return staticUrls(JSON.readTree(reportFile.toFile()));
    }

    private static Set<String> staticUrls(JsonNode root) {
        Set<String> urls = new HashSet<>();
        for (JsonNode entry : root.path("urls")) {
            if (entry.hasNonNull("url")) {
                urls.add(entry.get("url").asText());
            }
        }
        return urls;
    }

    private static Set<String> identities(Set<String> urls) {
        Set<String> out = new HashSet<>();
        urls.forEach(u -> out.add(identity(u)));
        return out;
    }

    /**
     * vendor family (MySQL and MariaDB as one), host (loopback aliases as one), effective port and database; the URL
     * itself when it cannot parse.
     */
    static String identity(String url) {
        try {
            JdbcUrl parsed = JdbcUrlParser.parse(url);
            if (parsed.hosts().isEmpty() || parsed.databaseName() == null) {
                return url.toLowerCase(Locale.ROOT);
            }
            String family = parsed.vendor().isMysqlFamily() ? "mysql" : parsed.vendor().name();
            return family + "|" + Endpoints.of(parsed).get(0) + "|" + parsed.databaseName();
        } catch (RuntimeException unparseable) {
            return String.valueOf(url).toLowerCase(Locale.ROOT);
        }
    }
}
