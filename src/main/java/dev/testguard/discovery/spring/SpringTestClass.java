package dev.testguard.discovery.spring;

import dev.testguard.discovery.config.PropertyLookup;
import dev.testguard.discovery.config.PropertyLayer;

import java.util.List;

/**
 * What one concrete test class sets for its own Spring test context, read from its source and its superclasses'.
 *
 * @param name            simple name
 * @param display         {@code Name (src/test/java/.../Name.java:12)}
 * @param profiles        the profiles of {@code @ActiveProfiles}, or null when it has none
 * @param profilesSource  where they are written ({@code @ActiveProfiles at .../Name.java:11}), or null
 * @param testLayers      {@code @TestPropertySource} properties and locations, {@code @SpringBootTest} and slice
 *                        {@code properties}: highest precedence first, above every file, system property and variable
 * @param replacement     what replaces this class's datasource, judged against its effective configuration
 * @param hasTests        it declares or inherits a test method ({@code @Test}, {@code @ParameterizedTest}...)
 */
record SpringTestClass(String name, String display, List<String> profiles, String profilesSource,
                       List<PropertyLayer> testLayers, Replacement replacement, boolean hasTests) {

    /** Decides, for a class's effective configuration, what replaces its datasource (null: nothing does). */
    interface Replacement {
        String reason(PropertyLookup effective);

        /** False when nothing in the class can replace its datasource, whatever the configuration. */
        boolean mayApply();
    }

    SpringTestClass {
        profiles = profiles == null ? null : List.copyOf(profiles);
        testLayers = List.copyOf(testLayers);
    }

    /** True when something in its annotations can change which datasource it sees. */
    boolean isSpecific() {
        return profiles != null || !testLayers.isEmpty() || replacement.mayApply();
    }

    /** {@code profile mysql from @ActiveProfiles (file:line)}, or null. */
    String activation() {
        if (profiles == null) {
            return null;
        }
        return (profiles.size() == 1 ? "profile " : "profiles ") + String.join(",", profiles) + " from " + profilesSource;
    }
}
