package dev.testguard.discovery;

import dev.testguard.discovery.config.PlainApplicationFilesSource;
import dev.testguard.discovery.jpa.HibernatePropertiesSource;
import dev.testguard.discovery.jpa.PersistenceXmlSource;
import dev.testguard.discovery.micronaut.MicronautSource;
import dev.testguard.discovery.quarkus.QuarkusSource;
import dev.testguard.discovery.spring.SpringBootSource;

import java.util.List;

/**
 * Every source that reads frameworks' configuration files. Each framework source reports nothing unless
 * {@link FrameworkDetector} finds its framework; the plain one runs only when none is found; the JPA ones always run.
 */
public final class ConfigFileSources {

    private ConfigFileSources() {
    }

    public static List<UrlSource> all() {
        FrameworkDetector detector = new FrameworkDetector();
        return List.of(
                new SpringBootSource(detector),
                new QuarkusSource(detector),
                new MicronautSource(detector),
                new PlainApplicationFilesSource(detector),
                new PersistenceXmlSource(),
                new HibernatePropertiesSource());
    }
}
