package dev.testguard.report.ci;

import dev.testguard.report.Report;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code verify} adds in CI: the annotation lines, printed straight to standard output (a CI system reads them
 * only at the start of a line, without Maven's {@code [ERROR]} prefix), and the JUnit XML report.
 */
public final class CiOutput {

    private CiOutput() {
    }

    /**
     * Returns the JUnit report written (one file per plugin execution, see {@link JUnitReport#fileName}), or null
     * outside CI. Annotation paths are relative to the workspace the CI system names, else to {@code checkoutRoot}
     * (the build's top directory).
     */
    public static Path emit(Map<String, String> env, Report report, Path moduleDir, Path checkoutRoot,
            Path reportDirectory, String executionId, PrintStream out) throws IOException {
        CiSystem system = CiSystem.detect(env);
        if (!system.isCi()) {
            return null;
        }
        String workspace = system.workspace(env);
        Path root = workspace == null || workspace.isBlank() ? checkoutRoot : Path.of(workspace);
        List<String> lines = CiAnnotations.render(system, report, moduleDir, root);
        for (String line : lines) {
            out.println(line);
        }
        out.flush();
        Path junit = reportDirectory.resolve(JUnitReport.fileName(executionId));
        JUnitReport.write(report, junit, executionId);
        return junit;
    }
}
