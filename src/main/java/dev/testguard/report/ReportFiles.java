package dev.testguard.report;

import java.nio.file.Path;

/**
 * Where each {@code verify} execution of a module writes its JSON report, so that no execution's report replaces
 * another's in the same build: the first execution of the module writes {@value #FILE_NAME} (whatever its id: the
 * POM's {@code default}, a named one, {@code default-cli} from the command line), each further one
 * {@code report-<executionId>.json} beside it. The first one's file keeps the name every reader knows (the
 * documentation, the runtime guard's section added after the tests, tools).
 */
public final class ReportFiles {

    public static final String FILE_NAME = "report.json";

    private ReportFiles() {
    }

    /** The report of an execution in {@code directory}: {@value #FILE_NAME} for the module's first, else with its id. */
    public static Path of(Path directory, boolean firstInModule, String executionId) {
        if (firstInModule) {
            return directory.resolve(FILE_NAME);
        }
        String id = executionId == null || executionId.isBlank() ? "default" : executionId;
        return directory.resolve("report-" + fileNamePart(id) + ".json");
    }

    /** An execution id as a file-name part: letters, digits, '.', '_' and '-' kept, anything else '_'. */
    public static String fileNamePart(String executionId) {
        return executionId.strip().replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
