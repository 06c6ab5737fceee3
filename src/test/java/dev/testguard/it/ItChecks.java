package dev.testguard.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Assertions shared by the invoker ITs' {@code verify.groovy} scripts (on their class path through the
 * invoker's {@code addTestClassPath}). Each IT project's test writes {@code target/test-ran.marker} when it runs.
 */
public final class ItChecks {

    public static final String REFUSED = "testguard stopped the build before any test ran";

    private ItChecks() {
    }

    /** The build was stopped by testguard, no test ran, and the log names each of {@code needles}. */
    public static void refused(File basedir, String... needles) throws IOException {
        String log = log(basedir);
        check(!new File(basedir, "target/test-ran.marker").exists(), "a test ran although testguard had to stop the build first");
        check(log.contains(REFUSED), "no testguard failure in build.log");
        contains(log, needles);
        File report = new File(basedir, "target/testguard/report.json");
        check(report.isFile(), "target/testguard/report.json is missing");
        check(read(report).contains("\"PROTECTED\""), "report.json holds no PROTECTED entry");
    }

    /** testguard let the build through and the test ran; the log names each of {@code needles}. */
    public static void passed(File basedir, String... needles) throws IOException {
        String log = log(basedir);
        check(new File(basedir, "target/test-ran.marker").exists(), "the safe test did not run");
        check(!log.contains("testguard stopped the build"), "testguard stopped a safe build");
        contains(log, needles);
        check(new File(basedir, "target/testguard/report.json").isFile(), "target/testguard/report.json is missing");
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

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
