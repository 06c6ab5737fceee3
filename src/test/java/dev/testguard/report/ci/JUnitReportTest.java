package dev.testguard.report.ci;

import static dev.testguard.report.ci.CiFixtures.PROTECTED;
import static dev.testguard.report.ci.CiFixtures.SAFE;
import static dev.testguard.report.ci.CiFixtures.UNRESOLVED;
import static dev.testguard.report.ci.CiFixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JUnitReportTest {

    @TempDir
    Path dir;

    @Test
    void one_testcase_per_url_a_failure_for_protected_skipped_for_unresolved() throws Exception {
        Path file = dir.resolve("testguard/TEST-testguard.xml");

        JUnitReport.write(report(PROTECTED, SAFE, UNRESOLVED), file);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element first = (Element) cases.item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("testguard.com.example:orders");
        assertThat(first.getAttribute("name")).startsWith("jdbc:postgresql://localhost:5432/orders_dev?password=**** [pom.xml:30");
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("PROTECTED:name");
        assertThat(failure.getTextContent()).contains("fix:    Point the tests at a database made for them");
        assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isZero();
        assertThat(((Element) cases.item(2)).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void ci_output_prints_annotations_and_writes_the_report_only_in_ci() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        Path none = CiOutput.emit(Map.of(), report(PROTECTED), dir, dir, dir.resolve("a"), out);
        Path written = CiOutput.emit(Map.of("GITHUB_ACTIONS", "true"), report(PROTECTED), dir, dir, dir.resolve("b"), out);

        assertThat(none).isNull();
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(written).isEqualTo(dir.resolve("b/TEST-testguard.xml")).isRegularFile();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("::error file=pom.xml,line=30,");
    }
}
