package dev.testguard.discovery.quarkus;

import dev.testguard.discovery.SourcedValue;
import dev.testguard.discovery.TestRuntime;
import dev.testguard.discovery.config.PropertyLayer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Quarkus key spellings: profiles, quoted datasource names, SmallRye's environment names. */
final class QuarkusKeys {

    static final Pattern DATASOURCE_URL =
            Pattern.compile("quarkus\\.datasource\\.(?:([^.\"]+|\"[^\"]+\")\\.)?(jdbc|reactive)\\.url");
    private static final Pattern ENV_DATASOURCE_URL =
            Pattern.compile("(_[A-Z0-9]+_)?QUARKUS_DATASOURCE_(?:(_[A-Z0-9_]+_|[A-Z0-9]+)_)?(JDBC|REACTIVE)_URL");

    private QuarkusKeys() {
    }

    /**
     * A multi-profile key ({@code %dev,test.quarkus.datasource.jdbc.url}) as one key per profile
     * ({@code %dev.…}, {@code %test.…}); any other key unchanged.
     */
    static List<String> perProfile(String key) {
        int dot = key.indexOf('.');
        if (!key.startsWith("%") || dot < 0 || key.substring(0, dot).indexOf(',') < 0) {
            return List.of(key);
        }
        List<String> keys = new ArrayList<>();
        for (String profile : key.substring(1, dot).split(",")) {
            if (!profile.isBlank()) {
                keys.add("%" + profile.trim() + key.substring(dot));
            }
        }
        return keys;
    }

    /** The unprofiled keys worth resolving: those of the active profiles' file entries, and datasource URLs given by -D or the environment. */
    static Set<String> candidates(List<PropertyLayer> fileLayers, TestRuntime runtime, List<String> profiles) {
        Set<String> keys = new LinkedHashSet<>();
        for (PropertyLayer layer : fileLayers) {
            for (String key : layer.keys()) {
                String plain = unprofiled(key, profiles);
                if (plain != null) {
                    keys.add(plain);
                }
            }
        }
        for (String property : runtime.systemProperties().keySet()) {
            if (DATASOURCE_URL.matcher(canonical(property)).matches()) {
                keys.add(canonical(property));
            }
        }
        for (String variable : runtime.environment().keySet()) {
            Matcher m = ENV_DATASOURCE_URL.matcher(variable);
            if (m.matches()) {
                String name = m.group(2);
                String kind = m.group(3).toLowerCase(Locale.ROOT) + ".url";
                keys.add(name == null ? "quarkus.datasource." + kind
                        : "quarkus.datasource." + name.replace("_", "").toLowerCase(Locale.ROOT) + "." + kind);
            }
        }
        return keys;
    }

    /** {@code key} without an active profile prefix; null for another profile's key. */
    private static String unprofiled(String key, List<String> profiles) {
        if (!key.startsWith("%")) {
            return key;
        }
        int dot = key.indexOf('.');
        if (dot < 0) {
            return null;
        }
        for (String p : key.substring(1, dot).split(",")) {
            if (profiles.contains(p.trim())) {
                return key.substring(dot + 1);
            }
        }
        return null;
    }

    /** {@code quarkus.datasource."users".jdbc.url} and {@code quarkus.datasource.users.jdbc.url} are one key. */
    static String canonical(String key) {
        return key.replaceAll("\"([^\".]+)\"", "$1");
    }

    static java.util.Map<String, SourcedValue> canonicalKeys(java.util.Map<String, SourcedValue> values) {
        java.util.Map<String, SourcedValue> out = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> out.put(canonical(k), v));
        return out;
    }

    /** SmallRye's environment names: {@code %test.quarkus.datasource.jdbc.url} → {@code _TEST_QUARKUS_DATASOURCE_JDBC_URL}. */
    static List<String> environmentNames(String key) {
        Set<String> names = new LinkedHashSet<>();
        String sanitized = key.replaceAll("[^A-Za-z0-9]", "_");
        names.add(sanitized);
        names.add(sanitized.toUpperCase(Locale.ROOT));
        Matcher named = Pattern.compile("(%[^.]+\\.)?quarkus\\.datasource\\.([^.\"]+)\\.(.+)").matcher(key);
        if (named.matches() && !named.group(3).contains("datasource")) {
            String quoted = (named.group(1) == null ? "" : named.group(1))
                    + "quarkus.datasource.\"" + named.group(2) + "\"." + named.group(3);
            names.add(quoted.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
        }
        return new ArrayList<>(names);
    }
}
