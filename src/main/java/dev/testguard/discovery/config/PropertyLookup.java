package dev.testguard.discovery.config;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.Provenance;
import dev.testguard.discovery.SourcedValue;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.R2dbcUrls;

import java.util.List;

/** The effective configuration a framework would see: a key's winning value, with placeholders resolved. */
public interface PropertyLookup {

    /** The winning raw value of {@code key}, or null when nothing sets it. */
    SourcedValue find(String key);

    /** A winning value with its placeholders resolved against this same configuration. */
    record Resolved(String key, String value, Provenance provenance, List<String> unresolved) {
        /** The URL this value names; an R2DBC URL in its JDBC form, its own credentials before {@code credentials}. */
        public DiscoveredUrl toUrl(String testRun, Credentials credentials) {
            if (unresolved.isEmpty() && R2dbcUrls.isR2dbc(value)) {
                var converted = R2dbcUrls.toJdbc(value);
                if (converted.isPresent()) {
                    return new DiscoveredUrl(key, converted.get().jdbcUrl(), provenance, testRun,
                            converted.get().credentials().orElse(credentials), false);
                }
            }
            return new DiscoveredUrl(key, value, provenance, testRun, credentials, !unresolved.isEmpty());
        }
    }

    default Resolved resolve(String key) {
        SourcedValue raw = find(key);
        if (raw == null) {
            return null;
        }
        PlaceholderResolver.Result r;
        try {
            r = new PlaceholderResolver(name -> {
                SourcedValue v = find(name);
                return v == null ? null : v.value();
            }).resolve(raw.value());
        } catch (ConfigFileException e) {
            throw new ConfigFileException(raw.provenance().location() + " (" + key + "): " + e.getMessage());
        }
        return new Resolved(key, r.value(), raw.provenance(), r.unresolved());
    }

    /** The resolved value of {@code key}, or null. */
    default String resolvedValue(String key) {
        Resolved r = resolve(key);
        return r == null ? null : r.value();
    }

    /** Credentials from the first defined user key and the first defined password key. */
    default Credentials credentials(List<String> userKeys, List<String> passwordKeys) {
        return new Credentials(firstResolved(userKeys), firstResolved(passwordKeys));
    }

    private String firstResolved(List<String> keys) {
        for (String k : keys) {
            String v = resolvedValue(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The first layer, in order, that holds the key. */
    static PropertyLookup firstOf(List<PropertyLayer> highToLow) {
        return key -> {
            for (PropertyLayer layer : highToLow) {
                SourcedValue v = layer.get(key);
                if (v != null) {
                    return v;
                }
            }
            return null;
        };
    }
}
