package dev.testguard.runtime.judge;

import dev.testguard.jdbc.Secrets;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The URL a person recognises in a refusal: PgJDBC's {@code PGSimpleDataSource} hands the driver its URL with every
 * one of some sixty properties spelled out at its default value; those are left out, the explicit ones stay, and the
 * result is masked. Only what is shown changes: the guard judges the URL the driver really got.
 */
public final class RecognisableUrls {

    private static final ClassValue<Map<String, String>> DEFAULTS = new ClassValue<>() {
        @Override
        protected Map<String, String> computeValue(Class<?> driver) {
            return readDefaults(driver);
        }
    };

    private RecognisableUrls() {
    }

    /**
     * The default value of each URL parameter the driver knows, by name; empty when it publishes none. Read when
     * first asked: a URL without parameters (the common first connection) never needs them, and reading them
     * reflectively makes the JVM generate method accessors.
     */
    public static Map<String, String> defaultsOf(Object driver) {
        return driver == null ? Map.of() : new ReadWhenAsked(driver.getClass());
    }

    /** The driver's defaults, read (once per driver class, then cached) at the first question. */
    private static final class ReadWhenAsked extends AbstractMap<String, String> {

        private final Class<?> driver;

        ReadWhenAsked(Class<?> driver) {
            this.driver = driver;
        }

        private Map<String, String> read() {
            return DEFAULTS.get(driver);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return read().entrySet();
        }

        @Override
        public String get(Object key) {
            return read().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return read().containsKey(key);
        }

        @Override
        public boolean isEmpty() {
            return read().isEmpty();
        }

        @Override
        public int size() {
            return read().size();
        }
    }

    /** {@code url} without the parameters spelled at the driver's default, masked. */
    static String of(String url, Map<String, String> defaults) {
        int query = url.indexOf('?');
        if (query < 0 || defaults.isEmpty()) { // no parameters: the defaults are not read
            return Secrets.maskUrl(url);
        }
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : url.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            String value = eq < 0 ? "" : parameter.substring(eq + 1);
            if (!defaults.containsKey(name) || !Objects.requireNonNullElse(defaults.get(name), "").equals(decoded(value))) {
                kept.add(parameter);
            }
        }
        String shown = kept.length() == 0 ? url.substring(0, query) : url.substring(0, query + 1) + kept;
        return Secrets.maskUrl(shown);
    }

    /** The data source URL-encodes values ({@code PostgreSQL+JDBC+Driver}); undecodable text stays as it is. */
    private static String decoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** PgJDBC's {@code org.postgresql.PGProperty}, read reflectively from the driver's own loader. */
    private static Map<String, String> readDefaults(Class<?> driver) {
        if (!driver.getName().startsWith("org.postgresql.")) {
            return Map.of();
        }
        try {
            Class<?> property = Class.forName("org.postgresql.PGProperty", false, driver.getClassLoader());
            Method name = property.getMethod("getName");
            Method defaultValue = property.getMethod("getDefaultValue");
            Map<String, String> defaults = new HashMap<>();
            for (Object p : property.getEnumConstants()) {
                defaults.put((String) name.invoke(p), (String) defaultValue.invoke(p));
            }
            return defaults;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Map.of(); // an older or newer driver: the URL is shown in full
        }
    }
}
