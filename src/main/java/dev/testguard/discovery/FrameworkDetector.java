package dev.testguard.discovery;

import dev.testguard.discovery.config.ClasspathResources;
import dev.testguard.discovery.config.ConfigDocument;
import dev.testguard.discovery.config.ConfigFile;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells which application frameworks the tests run under: from the test classpath's dependencies, or, when
 * none reveals one, from the keys of the {@code application.*} files.
 */
public final class FrameworkDetector {

    public enum Framework { SPRING_BOOT, QUARKUS, MICRONAUT }

    private static final Pattern APPLICATION_FILE = Pattern.compile("application(-[^.]+)?\\.(properties|ya?ml)");

    public Set<Framework> detect(ProjectLayout layout) {
        Set<Framework> found = EnumSet.noneOf(Framework.class);
        if (layout.hasDependencyGroup("org.springframework.boot")) {
            found.add(Framework.SPRING_BOOT);
        }
        if (layout.hasDependencyGroup("io.quarkus")) {
            found.add(Framework.QUARKUS);
        }
        if (layout.hasDependencyGroup("io.micronaut")) {
            found.add(Framework.MICRONAUT);
        }
        if (found.isEmpty()) {
            found.addAll(fromConfigKeys(layout));
        }
        return found;
    }

    private Set<Framework> fromConfigKeys(ProjectLayout layout) {
        Set<Framework> found = EnumSet.noneOf(Framework.class);
        for (Path file : ClasspathResources.matching(layout, n -> APPLICATION_FILE.matcher(n).matches())) {
            for (ConfigDocument doc : ConfigFile.read(file).documents()) {
                for (String key : doc.keys()) {
                    if (key.startsWith("spring.")) {
                        found.add(Framework.SPRING_BOOT);
                    } else if (key.startsWith("quarkus.") || key.startsWith("%")) {
                        found.add(Framework.QUARKUS);
                    } else if (key.startsWith("datasources.") || key.startsWith("micronaut.")) {
                        found.add(Framework.MICRONAUT);
                    }
                }
            }
        }
        return found;
    }
}
