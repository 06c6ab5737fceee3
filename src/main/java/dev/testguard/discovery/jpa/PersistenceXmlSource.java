package dev.testguard.discovery.jpa;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.SourcedValue;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.config.ClasspathResources;
import dev.testguard.discovery.config.PlaceholderResolver;
import dev.testguard.jdbc.Credentials;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDBC URLs of every {@code META-INF/persistence.xml} on the test classpath (JPA loads them all):
 * {@code jakarta.persistence.jdbc.url}, {@code javax.persistence.jdbc.url}, {@code hibernate.connection.url} and
 * any other property whose value starts with {@code jdbc:}. Hibernate resolves {@code ${...}} in them from system
 * properties. A system property of the fork with the same key is reported too: Hibernate itself lets
 * persistence.xml win, but tests commonly hand {@code System.getProperties()} to
 * {@code createEntityManagerFactory}, where it wins; either may be the one used.
 */
public final class PersistenceXmlSource implements UrlSource {

    static final String FILE = "META-INF/persistence.xml";

    private static final Map<String, String[]> URL_KEYS = Map.of(
            "jakarta.persistence.jdbc.url", new String[] {"jakarta.persistence.jdbc.user", "jakarta.persistence.jdbc.password"},
            "javax.persistence.jdbc.url", new String[] {"javax.persistence.jdbc.user", "javax.persistence.jdbc.password"},
            "hibernate.connection.url", new String[] {"hibernate.connection.username", "hibernate.connection.password"});

    @Override
    public List<DiscoveredUrl> discover(ProjectLayout layout, TestRuntime runtime) {
        Map<String, DiscoveredUrl> out = new LinkedHashMap<>();
        for (Path file : ClasspathResources.all(layout, FILE)) {
            String display = layout.display(file);
            List<PersistenceXml.Unit> units = PersistenceXml.read(file);
            try {
                addUnits(out, units, file, display, runtime);
            } catch (ConfigFileException e) {
                throw new ConfigFileException(display + ": " + e.getMessage());
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void addUnits(Map<String, DiscoveredUrl> out, List<PersistenceXml.Unit> units, Path file,
            String display, TestRuntime runtime) {
        for (PersistenceXml.Unit unit : units) {
            for (PersistenceXml.Property p : unit.properties().values()) {
                boolean known = URL_KEYS.containsKey(p.name());
                PlaceholderResolver.Result r = resolve(p.value(), runtime);
                if (!known && !r.value().startsWith("jdbc:")) {
                    continue;
                }
                Credentials creds = credentials(unit, p.name(), runtime);
                Provenance where = Provenance.file(file, display, p.line(), "set " + p.name() + " in " + display
                        + " (persistence unit " + unit.name() + ") to a test database, or use an in-memory database");
                add(out, new DiscoveredUrl(p.name(), r.value(), where, runtime.name(), creds, !r.isResolved()));
                SourcedValue sys = runtime.systemProperties().get(p.name());
                if (sys != null) {
                    PlaceholderResolver.Result s = resolve(sys.value(), runtime);
                    add(out, new DiscoveredUrl(p.name(), s.value(), sys.provenance(), runtime.name(), creds,
                            !s.isResolved()));
                }
            }
        }
    }

    private static void add(Map<String, DiscoveredUrl> out, DiscoveredUrl url) {
        out.putIfAbsent(url.key() + "\u0000" + url.url() + "\u0000" + url.provenance().location(), url);
    }

    private static Credentials credentials(PersistenceXml.Unit unit, String urlKey, TestRuntime runtime) {
        String[] keys = URL_KEYS.get(urlKey);
        if (keys == null) {
            String prefix = urlKey.substring(0, urlKey.lastIndexOf('.') + 1);
            keys = new String[] {prefix + "user", prefix + "password"};
        }
        String user = value(unit, keys[0], runtime);
        if (user == null && keys[0].endsWith(".user")) {
            user = value(unit, keys[0] + "name", runtime);
        }
        return new Credentials(user, value(unit, keys[1], runtime));
    }

    private static String value(PersistenceXml.Unit unit, String key, TestRuntime runtime) {
        PersistenceXml.Property p = unit.properties().get(key);
        if (p != null) {
            return resolve(p.value(), runtime).value();
        }
        return runtime.systemProperty(key);
    }

    private static PlaceholderResolver.Result resolve(String value, TestRuntime runtime) {
        return new PlaceholderResolver(runtime::systemProperty).resolve(value);
    }
}
