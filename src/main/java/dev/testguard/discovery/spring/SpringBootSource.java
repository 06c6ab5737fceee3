package dev.testguard.discovery.spring;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.FrameworkDetector;
import dev.testguard.discovery.ProjectLayout;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.UrlSource;
import dev.testguard.discovery.config.PropertyLayer;
import dev.testguard.discovery.config.PropertyLookup;
import dev.testguard.jdbc.Credentials;

import dev.testguard.jdbc.UrlStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JDBC URLs a Spring Boot test sees through config data ({@code application*.properties|yml|yaml}), the
 * fork's system properties and environment, with Spring Boot 3's precedence. The configuration is evaluated for
 * the fork's own profiles (the test classes without annotations of their own), and once per test class whose
 * annotations change it ({@code @ActiveProfiles}, {@code @TestPropertySource}, {@code @SpringBootTest(properties)},
 * slices' {@code properties}) or replace its datasource ({@code @ServiceConnection}, {@code @AutoConfigureTestDatabase},
 * Docker Compose): such URLs name their test class, and a replaced datasource's URL is marked as never opened.
 */
public final class SpringBootSource implements UrlSource {

    /** A datasource URL property and the properties its user and password come from, first defined wins. */
    private record UrlKey(String key, List<String> userKeys, List<String> passwordKeys) {
    }

    private static final List<UrlKey> URL_KEYS = List.of(
            new UrlKey("spring.datasource.url",
                    List.of("spring.datasource.username"), List.of("spring.datasource.password")),
            new UrlKey("spring.datasource.hikari.jdbc-url",
                    List.of("spring.datasource.hikari.username", "spring.datasource.username"),
                    List.of("spring.datasource.hikari.password", "spring.datasource.password")),
            new UrlKey("spring.r2dbc.url",
                    List.of("spring.r2dbc.username"), List.of("spring.r2dbc.password")),
            new UrlKey("spring.flyway.url",
                    List.of("spring.flyway.user", "spring.datasource.username"),
                    List.of("spring.flyway.password", "spring.datasource.password")),
            new UrlKey("spring.liquibase.url",
                    List.of("spring.liquibase.user", "spring.datasource.username"),
                    List.of("spring.liquibase.password", "spring.datasource.password")));

    /** What a replaced datasource (container, embedded test database) takes over: the DataSource's own URL. */
    private static final Set<String> REPLACED_KEYS = Set.of(SpringNames.canonical("spring.datasource.url"),
            SpringNames.canonical("spring.datasource.hikari.jdbc-url"));

    private final FrameworkDetector detector;

    public SpringBootSource() {
        this(new FrameworkDetector());
    }

    public SpringBootSource(FrameworkDetector detector) {
        this.detector = detector;
    }

    @Override
    public List<DiscoveredUrl> discover(ProjectLayout layout, TestRuntime runtime) {
        if (!detector.detect(layout).contains(FrameworkDetector.Framework.SPRING_BOOT)) {
            return List.of();
        }
        SpringConfigFiles files = new SpringConfigFiles(layout);
        SpringTestClasses.Scan scan = new SpringTestClasses(layout).scan();
        List<SpringTestClass> specific = scan.classes().stream().filter(SpringTestClass::isSpecific).toList();
        Map<String, DiscoveredUrl> found = new LinkedHashMap<>();
        if (needsForkEvaluation(scan)) {
            for (List<String> profiles : forkSelections(layout, scan.unreadSources())) {
                SpringEnvironment env = new SpringEnvironment(layout, files, runtime).activate(profiles);
                String replacedBy = DatasourceReplacement.forEveryTest(layout).reason(env.lookup());
                for (DiscoveredUrl url : urlsOf(env, runtime.name())) {
                    DiscoveredUrl seen = replaces(replacedBy, url) ? url.forTestClass(null, null, replacedBy) : url;
                    found.putIfAbsent(id(seen), seen);
                }
            }
        }
        for (SpringTestClass testClass : specific) {
            SpringEnvironment env = new SpringEnvironment(layout, files, runtime, testClass.testLayers())
                    .activate(testClass.profiles());
            String replacedBy = testClass.replacement().reason(env.lookup());
            for (DiscoveredUrl url : urlsOf(env, runtime.name())) {
                boolean replaced = replaces(replacedBy, url);
                if (!replaced && found.containsKey(id(url))) {
                    continue;
                }
                DiscoveredUrl forClass = url.forTestClass(testClass.display(), testClass.activation(),
                        replaced ? replacedBy : null);
                found.putIfAbsent(id(forClass) + "\u0000" + testClass.display(), forClass);
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Whether some test sees the configuration as the fork alone sets it: a test class without annotations of its
     * own, test sources that are not Java, or no recognisable test class at all.
     */
    private static boolean needsForkEvaluation(SpringTestClasses.Scan scan) {
        List<SpringTestClass> tests = scan.classes().stream().filter(SpringTestClass::hasTests).toList();
        return scan.unreadSources() || tests.isEmpty() || !tests.stream().allMatch(SpringTestClass::isSpecific);
    }

    /** The fork's own profiles, and for test sources that are not Java, each {@code @ActiveProfiles} list in them. */
    private static List<List<String>> forkSelections(ProjectLayout layout, boolean unreadSources) {
        List<List<String>> selections = new ArrayList<>();
        selections.add(null);
        if (unreadSources) {
            for (List<String> annotated : new ActiveProfilesScanner().scan(layout.testSources())) {
                if (!annotated.isEmpty()) {
                    selections.add(annotated);
                }
            }
        }
        return selections;
    }

    private static boolean replaces(String replacedBy, DiscoveredUrl url) {
        return replacedBy != null && REPLACED_KEYS.contains(SpringNames.canonical(url.key()));
    }

    private static String id(DiscoveredUrl url) {
        return url.key() + "\u0000" + url.url() + "\u0000" + url.provenance().location() + "\u0000" + url.replacedBy();
    }

    private static List<DiscoveredUrl> urlsOf(SpringEnvironment env, String testRun) {
        PropertyLookup lookup = env.lookup();
        List<DiscoveredUrl> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (UrlKey k : URL_KEYS) {
            seen.add(SpringNames.canonical(k.key()));
            PropertyLookup.Resolved r = lookup.resolve(k.key());
            if (r != null && !r.value().isBlank()) {
                out.add(r.toUrl(testRun, lookup.credentials(k.userKeys(), k.passwordKeys())));
            }
        }
        for (String key : fileKeys(env)) {
            if (!seen.add(SpringNames.canonical(key))) {
                continue;
            }
            PropertyLookup.Resolved r = lookup.resolve(key);
            if (r != null && UrlStyle.isConnectionUrl(r.value())) {
                out.add(r.toUrl(testRun, neighbourCredentials(lookup, key)));
            }
        }
        return out;
    }

    private static Set<String> fileKeys(SpringEnvironment env) {
        Set<String> keys = new LinkedHashSet<>();
        for (PropertyLayer layer : env.fileLayers()) {
            keys.addAll(layer.keys());
        }
        return keys;
    }

    /** For {@code app.db.url}: {@code app.db.username} (or {@code .user}) and {@code app.db.password}. */
    static Credentials neighbourCredentials(PropertyLookup lookup, String urlKey) {
        int dot = urlKey.lastIndexOf('.');
        if (dot < 0) {
            return Credentials.NONE;
        }
        String prefix = urlKey.substring(0, dot + 1);
        return lookup.credentials(List.of(prefix + "username", prefix + "user"), List.of(prefix + "password"));
    }
}
