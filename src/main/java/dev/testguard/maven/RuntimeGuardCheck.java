package dev.testguard.maven;

import dev.testguard.runtime.arm.RuntimeCheck;
import dev.testguard.runtime.arm.RuntimeReport;
import dev.testguard.runtime.arm.RuntimeVerdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Runs the after-test {@link RuntimeCheck} for one project, prints the runtime section and adds it to report.json.
 * The armed state travels in the project's context values as JDK types only, so a listener loaded by another
 * plugin realm (another version of this plugin in the same reactor) can read it.
 */
final class RuntimeGuardCheck {

    static final String TOKEN = "dev.testguard.runtime.token";
    static final String ARMED_AT = "dev.testguard.runtime.armedAt";
    static final String RECORDS = "dev.testguard.runtime.records";
    static final String REPORT = "dev.testguard.runtime.reportFile";

    private RuntimeGuardCheck() {
    }

    static void remember(MavenProject project, String token, Instant armedAt, Path records, Path reportFile) {
        project.setContextValue(TOKEN, token);
        project.setContextValue(ARMED_AT, armedAt.toString());
        project.setContextValue(RECORDS, records.toString());
        project.setContextValue(REPORT, reportFile.toString());
    }

    static boolean isArmed(MavenProject project) {
        return project != null && project.getContextValue(TOKEN) instanceof String;
    }

    /** The verdict for the armed project over these report directories; logged and written to report.json. */
    static RuntimeVerdict run(MavenProject project, List<Path> reportDirectories, Log log) {
        String token = (String) project.getContextValue(TOKEN);
        Instant armedAt = Instant.parse((String) project.getContextValue(ARMED_AT));
        Path records = Path.of((String) project.getContextValue(RECORDS));
        Path report = Path.of((String) project.getContextValue(REPORT));
        return run(records, token, armedAt, reportDirectories, report, log);
    }

    static RuntimeVerdict run(Path records, String token, Instant armedAt, List<Path> reportDirectories,
            Path reportFile, Log log) {
        RuntimeVerdict verdict = new RuntimeCheck(records, token, armedAt, reportDirectories).check();
        try {
            for (String line : RuntimeReport.render(verdict, RuntimeReport.staticUrls(reportFile))) {
                if (verdict.failed()) {
                    log.error(line);
                } else {
                    log.info(line);
                }
            }
            RuntimeReport.write(reportFile, verdict, token);
        } catch (IOException e) {
            throw new UncheckedIOException("testguard cannot write the runtime section of " + reportFile, e);
        }
        return verdict;
    }
}
