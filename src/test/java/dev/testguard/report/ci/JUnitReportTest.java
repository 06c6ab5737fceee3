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

        JUnitReport.write(report(PROTECTED, SAFE, UNRESOLVED), file, "default");

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

        Path none = CiOutput.emit(Map.of(), report(PROTECTED), dir, dir, dir.resolve("a"), "default", out);
        Path written = CiOutput.emit(Map.of("GITHUB_ACTIONS", "true"), report(PROTECTED), dir, dir, dir.resolve("b"), "default",
                out);

        assertThat(none).isNull();
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(written).isEqualTo(dir.resolve("b/TEST-testguard.xml")).isRegularFile();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("::error file=pom.xml,line=30,");
    }

    @Test
    void each_execution_of_one_build_writes_its_own_report_so_no_refusal_is_replaced() throws Exception {
        Map<String, String> github = Map.of("GITHUB_ACTIONS", "true");
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path reports = dir.resolve("target/testguard");

        Path first = CiOutput.emit(github, report(PROTECTED, SAFE), dir, dir, reports, "default", out);
        Path second = CiOutput.emit(github, report(SAFE), dir, dir, reports, "pre-it", out);
        Path cli = CiOutput.emit(github, report(UNRESOLVED), dir, dir, reports, "default-cli", out);
        Path odd = CiOutput.emit(github, report(SAFE), dir, dir, reports, "re check/2", out);

        assertThat(first).isEqualTo(reports.resolve("TEST-testguard.xml"));
        assertThat(second).isEqualTo(reports.resolve("TEST-testguard-pre-it.xml"));
        assertThat(cli).isEqualTo(reports.resolve("TEST-testguard-default-cli.xml"));
        assertThat(odd).isEqualTo(reports.resolve("TEST-testguard-re_check_2.xml"));
        try (var files = Files.list(reports)) {
            assertThat(files).containsExactlyInAnyOrder(first, second, cli, odd);
        }
        Element kept = parse(first);
        assertThat(kept.getAttribute("name")).isEqualTo("testguard");
        assertThat(kept.getAttribute("failures")).isEqualTo("1");
        Element later = parse(second);
        assertThat(later.getAttribute("name")).isEqualTo("testguard-pre-it");
        assertThat(later.getAttribute("failures")).isEqualTo("0");
        assertThat(((Element) later.getElementsByTagName("testcase").item(0)).getAttribute("classname"))
                .isEqualTo("testguard.com.example:orders.pre-it");
    }

    private static Element parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }
}
