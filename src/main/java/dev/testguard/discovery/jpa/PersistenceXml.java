package dev.testguard.discovery.jpa;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.config.ConfigLimits;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code <property name value>} elements of each persistence unit, with their lines (any JPA namespace). */
final class PersistenceXml {

    record Property(String name, String value, int line) {
    }

    record Unit(String name, Map<String, Property> properties) {
    }

    private PersistenceXml() {
    }

    static List<Unit> read(Path file) {
        ConfigLimits.checkSize(file);
        // no DTD, hence no entity declared in the file and nothing fetched from outside it: no entity bomb, no XXE
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Unit> units = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            String unitName = null;
            Map<String, Property> properties = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = reader.getLocalName();
                    if (local.equals("persistence-unit")) {
                        unitName = reader.getAttributeValue(null, "name");
                        properties = new LinkedHashMap<>();
                    } else if (local.equals("property") && properties != null) {
                        String name = reader.getAttributeValue(null, "name");
                        String value = reader.getAttributeValue(null, "value");
                        if (name != null && value != null) {
                            properties.put(name, new Property(name, value, reader.getLocation().getLineNumber()));
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals("persistence-unit")) {
                    units.add(new Unit(unitName, properties));
                    properties = null;
                }
            }
            reader.close();
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new ConfigFileException(file + (line > 0 ? ":" + line : "") + ": broken XML ("
                    + cleanMessage(e.getMessage()) + "). Fix the file so that JPA can read it.");
        } catch (IOException e) {
            throw new ConfigFileException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return units;
    }

    private static String cleanMessage(String message) {
        if (message == null) {
            return "invalid XML";
        }
        int idx = message.indexOf("Message: ");
        return (idx >= 0 ? message.substring(idx + 9) : message).trim();
    }
}
