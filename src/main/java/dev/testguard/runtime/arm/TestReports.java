package dev.testguard.runtime.arm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Surefire/Failsafe {@code TEST-*.xml} reports just far enough to learn the test class and the fork marker
 * system property (Surefire copies the fork's system properties into {@code <properties>}).
 */
final class TestReports {

    /** One report: the test class and the marker value, null when the fork did not set it. */
    record Suite(String testClass, String marker, Path file) {
    }

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private TestReports() {
    }

    /** Every {@code TEST-*.xml} in these directories last written at or after {@code since}. */
    static List<Suite> read(List<Path> directories, Instant since, String markerName) {
        List<Suite> suites = new ArrayList<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "TEST-*.xml")) {
                for (Path file : files) {
                    if (!Files.getLastModifiedTime(file).toInstant().isBefore(since)) {
                        suites.add(suite(file, markerName));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the test reports in " + directory, e);
            }
        }
        return suites;
    }

    static Suite suite(Path file, String markerName) throws IOException {
        String name = null;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && "properties".equals(xml.getLocalName())) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if ("testsuite".equals(xml.getLocalName()) && name == null) {
                    name = xml.getAttributeValue(null, "name");
                } else if ("property".equals(xml.getLocalName())
                        && markerName.equals(xml.getAttributeValue(null, "name"))) {
                    return new Suite(orFileName(name, file), xml.getAttributeValue(null, "value"), file);
                } else if ("testcase".equals(xml.getLocalName())) {
                    break;
                }
            }
        } catch (XMLStreamException e) {
            // a report the fork did not finish: it proves nothing, so it counts as unguarded
            return new Suite(orFileName(name, file), null, file);
        }
        return new Suite(orFileName(name, file), null, file);
    }

    private static String orFileName(String name, Path file) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        String f = file.getFileName().toString();
        return f.substring("TEST-".length(), f.length() - ".xml".length());
    }
}
