package dev.testguard.report.ci;

import dev.testguard.policy.Classification;
import dev.testguard.report.Report;
import dev.testguard.report.ReportEntry;
import dev.testguard.report.ReportFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report as a JUnit XML test suite ({@code TEST-testguard.xml}), so that a refusal shows up in a CI system's test
 * view: one test case per URL, a failure for each PROTECTED one, skipped for UNRESOLVED. Written atomically.
 * <p>
 * Each plugin execution writes its own file: the POM's {@code default} execution {@code TEST-testguard.xml}, any other
 * (a second {@code verify} bound to {@code pre-integration-test}, {@code default-cli} from the command line)
 * {@code TEST-testguard-<executionId>.xml}, with the execution in the suite's name, so that no execution's results
 * replace another's in the same build.
 */
public final class JUnitReport {

    public static final String FILE_NAME = "TEST-testguard.xml";

    /** The execution whose report keeps the plain {@link #FILE_NAME}: a POM execution declared without an id. */
    public static final String DEFAULT_EXECUTION = "default";

    private JUnitReport() {
    }

    /** The file name for an execution: {@link #FILE_NAME} for the default one (or none), else with its id. */
    public static String fileName(String executionId) {
        return isDefault(executionId) ? FILE_NAME : "TEST-testguard-" + safe(executionId) + ".xml";
    }

    public static void write(Report report, Path file, String executionId) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            write(report, xml, isDefault(executionId) ? "" : safe(executionId));
            xml.close();
        } catch (XMLStreamException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isDefault(String executionId) {
        return executionId == null || executionId.isBlank() || executionId.equals(DEFAULT_EXECUTION);
    }

    private static String safe(String executionId) {
        return ReportFiles.fileNamePart(executionId);
    }

    private static void write(Report report, XMLStreamWriter xml, String execution) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", execution.isEmpty() ? "testguard" : "testguard-" + execution);
        xml.writeAttribute("tests", String.valueOf(report.entries().size()));
        xml.writeAttribute("failures", String.valueOf(report.entries(Classification.PROTECTED).size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(report.entries(Classification.UNRESOLVED).size()));
        xml.writeAttribute("time", seconds(report.millis()));
        xml.writeAttribute("timestamp", report.generatedAt().toString());
        for (ReportEntry e : report.entries()) {
            xml.writeCharacters("\n  ");
            testCase(report, e, execution, xml);
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private static void testCase(Report report, ReportEntry e, String execution, XMLStreamWriter xml)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "testguard." + report.project() + (execution.isEmpty() ? "" : "." + execution));
        xml.writeAttribute("name", e.url() + " [" + e.source() + "]");
        xml.writeAttribute("time", "0");
        if (e.classification() == Classification.PROTECTED) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "PROTECTED" + (e.rule() == null ? "" : ":" + e.rule()));
            xml.writeAttribute("message", CiAnnotations.message(e));
            xml.writeCharacters("url:    " + e.url() + "\nsource: " + e.source() + "\nrule:   " + e.rule()
                    + ": " + e.reason() + (e.fix() == null ? "" : "\nfix:    " + e.fix()) + "\n");
            xml.writeEndElement();
        } else if (e.classification() == Classification.UNRESOLVED) {
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", "UNRESOLVED: " + e.reason());
            xml.writeEndElement();
        } else {
            xml.writeStartElement("system-out");
            xml.writeCharacters(e.classification() + ": " + e.reason());
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
