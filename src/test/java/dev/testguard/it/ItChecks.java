package dev.testguard.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Assertions shared by the invoker ITs' {@code verify.groovy} scripts (on their class path through the
 * invoker's {@code addTestClassPath}). Each IT project's test writes {@code target/test-ran.marker} when it runs.
 */
public final class ItChecks {

    public static final String REFUSED = "testguard stopped the build before any test ran";
    /** What the test sees: the runtime guard's SQLException (or R2DBC error) message starts so. */
    public static final String REFUSED_CONNECTION = "testguard refused a connection to";
    /** What the build says after the tests when the guard refused a connection. */
    public static final String REFUSED_AT_RUNTIME = "testguard refused connections the tests opened";
    public static final String UNGUARDED = "a test JVM ran without the runtime guard";
    private static final Pattern ARMED = Pattern.compile("name=\"testguard\\.agent\"\\s+value=\"armed:[^\"]+\"");

    private ItChecks() {
    }

    /** The build was stopped by testguard, no test ran, and the log names each of {@code needles}. */
    public static void refused(File basedir, String... needles) throws IOException {
        refusedBeforeTests(basedir, needles);
        File report = new File(basedir, "target/testguard/report.json");
        check(report.isFile(), "target/testguard/report.json is missing");
        check(read(report).contains("\"PROTECTED\""), "report.json holds no PROTECTED entry");
    }

    /**
     * testguard stopped the build before any test JVM started (a configuration that would run the tests
     * unguarded, or a protected database found statically); the log names each of {@code needles}.
     */
    public static void refusedBeforeTests(File basedir, String... needles) throws IOException {
        String log = log(basedir);
        check(!new File(basedir, "target/test-ran.marker").exists(), "a test ran although testguard had to stop the build first");
        check(log.contains(REFUSED), "no '" + REFUSED + "' in build.log");
        contains(log, needles);
    }

    /** testguard let the build through and the test ran; the log names each of {@code needles}. */
    public static void passed(File basedir, String... needles) throws IOException {
        String log = log(basedir);
        check(new File(basedir, "target/test-ran.marker").exists(), "the safe test did not run");
        check(!log.contains("testguard stopped the build"), "testguard stopped a safe build");
        contains(log, needles);
        check(new File(basedir, "target/testguard/report.json").isFile(), "target/testguard/report.json is missing");
    }

    /**
     * A test ran and opened a connection the runtime guard refused: the test saw the refusal, the build failed after
     * the tests, every test JVM was armed, and the log names each of {@code needles} (database, test class).
     */
    public static void refusedAtRuntime(File basedir, String... needles) throws IOException {
        refusedAfterTests(basedir, needles);
        check(testOutput(basedir).contains(REFUSED_CONNECTION), "the test output holds no '" + REFUSED_CONNECTION + "'");
    }

    /** As {@link #refusedAtRuntime}, for a test that swallowed the exception: every test passed, the build failed anyway. */
    public static void refusedAtRuntimeSwallowed(File basedir, String... needles) throws IOException {
        refusedAfterTests(basedir, needles);
        for (Path result : testResults(basedir)) {
            String suite = read(result.toFile());
            suite = suite.substring(suite.indexOf("<testsuite"), suite.indexOf('>', suite.indexOf("<testsuite")));
            check(suite.contains("errors=\"0\"") && suite.contains("failures=\"0\""), result.getFileName() + ": a test failed");
        }
    }

    private static void refusedAfterTests(File basedir, String... needles) throws IOException {
        String log = log(basedir);
        check(new File(basedir, "target/test-ran.marker").exists(), "no test ran: the guard had to refuse the connection a test opened");
        check(!log.contains(REFUSED), "the build was stopped before the tests: the runtime guard had nothing to refuse");
        check(log.contains(REFUSED_AT_RUNTIME), "no '" + REFUSED_AT_RUNTIME + "' in build.log");
        contains(log, needles);
        armedInEveryFork(basedir);
    }

    /**
     * The build passed, the tests ran (each writes target/test-ran.marker after it really read rows), every test JVM
     * was armed, nothing was refused, and build.log or report.json name each of {@code needles}.
     */
    public static void guardedAndPassed(File basedir, String... needles) throws IOException {
        String log = log(basedir);
        check(new File(basedir, "target/test-ran.marker").exists(), "the safe test did not run to its end");
        for (String refusal : List.of("testguard stopped the build", REFUSED_AT_RUNTIME, REFUSED_CONNECTION, UNGUARDED)) {
            check(!log.contains(refusal), "a safe build says: " + refusal);
        }
        check(log.contains("BUILD SUCCESS"), "the safe build did not succeed");
        armedInEveryFork(basedir);
        File report = new File(basedir, "target/testguard/report.json");
        check(report.isFile(), "target/testguard/report.json is missing");
        contains(log + read(report), needles);
    }

    /** Every TEST-*.xml of Surefire and Failsafe carries the property testguard.agent=armed:<token> the agent sets. */
    public static void armedInEveryFork(File basedir) throws IOException {
        List<Path> results = testResults(basedir);
        check(!results.isEmpty(), "no TEST-*.xml under target/surefire-reports or target/failsafe-reports");
        for (Path result : results) {
            check(ARMED.matcher(read(result.toFile())).find(), result.getFileName() + " lacks testguard.agent=armed:<token>: the JVM ran unguarded");
        }
    }

    /** {@code secret} (a password the test used) appears neither in build.log nor in any file under target/testguard. */
    public static void neverShows(File basedir, String secret) throws IOException {
        check(!log(basedir).contains(secret), "build.log shows the password");
        Path testguard = basedir.toPath().resolve("target/testguard");
        if (Files.isDirectory(testguard)) {
            try (Stream<Path> files = Files.walk(testguard)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jar")).toList()) {
                    check(!read(f.toFile()).contains(secret), f + " shows the password");
                }
            }
        }
    }

    /**
     * The test JVMs printed no JVM warning line ({@code WARNING: ...} about agents, Unsafe, dynamic loading, restricted
     * or native access). Hibernate's own log lines (JUL, {@code HHH} codes) do not count, nor does what the Maven JVM
     * itself prints before the tests (Maven 3.8/3.9 on JDK 24+ warns about Guava's and Guice's use of Unsafe).
     */
    public static void noJvmWarnings(File basedir) throws IOException {
        Pattern jvmWarning = Pattern.compile("^(\\[\\w+\\] )?WARNING: .*(agent|Agent|Unsafe|dynamically|restricted method|native access"
                + "|[Bb]yte ?[Bb]uddy|Instrumentation|illegal reflective|deprecated).*$", Pattern.MULTILINE);
        String output = testOutput(basedir);
        int tests = output.indexOf("T E S T S");
        check(tests >= 0, "build.log shows no test run (no 'T E S T S' banner)");
        for (String line : output.substring(tests).split("\\R")) {
            check(line.contains("HHH") || !jvmWarning.matcher(line).find(), "a JVM warning line in the test output: " + line);
        }
    }

    /** The Surefire and Failsafe result files, TEST-*.xml. */
    public static List<Path> testResults(File basedir) throws IOException {
        List<Path> results = new ArrayList<>();
        for (String dir : List.of("target/surefire-reports", "target/failsafe-reports")) {
            Path reports = basedir.toPath().resolve(dir);
            if (Files.isDirectory(reports)) {
                try (Stream<Path> files = Files.list(reports)) {
                    files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().forEach(results::add);
                }
            }
        }
        return results;
    }

    /** What the tests printed and threw: build.log plus the Surefire and Failsafe reports (full stack traces). */
    public static String testOutput(File basedir) throws IOException {
        StringBuilder out = new StringBuilder(log(basedir));
        for (String dir : List.of("target/surefire-reports", "target/failsafe-reports")) {
            Path reports = basedir.toPath().resolve(dir);
            if (Files.isDirectory(reports)) {
                try (Stream<Path> files = Files.list(reports)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".xml")).sorted().toList()) {
                        out.append('\n').append(read(f.toFile()));
                    }
                }
            }
        }
        return out.toString();
    }

    /** Row count and MD5 of every row of {@code table} in a PostgreSQL database, in id order. */
    public static String postgresFingerprint(String database, String table) throws IOException, InterruptedException {
        return psql(database, "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '-') FROM " + table + " t");
    }

    /**
     * What a restore must keep of a PostgreSQL database: its oid (the same database, or a new one), owner, comment (the
     * stamp) and database-level grants, and each user table's owner.
     */
    public static String postgresIdentity(String database) throws IOException, InterruptedException {
        return psql("postgres", "SELECT oid || ' owner=' || pg_get_userbyid(datdba) || ' acl=' || coalesce(datacl::text, '-')"
                + " || ' comment=' || coalesce(shobj_description(oid, 'pg_database'), '-') FROM pg_database WHERE datname = '"
                + database + "'") + " tables=" + psql(database, "SELECT string_agg(schemaname || '.' || tablename || ':' || tableowner,"
                + " ',' ORDER BY schemaname, tablename) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
    }

    /**
     * What a refused destructive goal must leave as it was in a PostgreSQL database: {@code rows} of {@code table},
     * the database's {@code owner}, and its {@code comment} (where the stamp lives; {@code <none>} when there is none).
     */
    public static Map<String, String> postgresRowsOwnerComment(String database, String table) throws IOException, InterruptedException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("rows", psql(database, "SELECT count(*) FROM " + table));
        facts.put("owner", psql("postgres", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '" + database + "'"));
        facts.put("comment", psql("postgres", "SELECT coalesce(shobj_description(oid, 'pg_database'), '<none>') FROM pg_database"
                + " WHERE datname = '" + database + "'"));
        return facts;
    }

    /** Row count and MD5 of every row of {@code table} (columns id, name) in a MariaDB database, in id order. */
    public static String mariadbFingerprint(String database, String table) throws IOException, InterruptedException {
        return mariadb("SELECT CONCAT(COUNT(*), ':', COALESCE(MD5(GROUP_CONCAT(CONCAT_WS('/', id, name) ORDER BY id SEPARATOR '|')), '-'))"
                + " FROM `" + database + "`.`" + table + "`");
    }

    public static void contains(String text, String... needles) {
        for (String needle : needles) {
            check(text.contains(needle), "build.log should mention: " + needle);
        }
    }

    public static String log(File basedir) throws IOException {
        return read(new File(basedir, "build.log"));
    }

    /** Runs a psql query against the local PostgreSQL and returns its unaligned output. */
    public static String psql(String database, String sql) throws IOException, InterruptedException {
        return run("psql", "-h", "localhost", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-Atqc", sql);
    }

    /** Runs a statement on the local MariaDB as root and returns its tab-separated output. */
    public static String mariadb(String sql) throws IOException, InterruptedException {
        return run("mariadb", "-uroot", "-N", "-e", sql);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        check(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        check(p.exitValue() == 0, String.join(" ", List.of(command)) + " failed: " + out);
        return out.trim();
    }

    private static String read(File file) throws IOException {
        return Files.readString(file.toPath(), StandardCharsets.UTF_8);
    }

    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
