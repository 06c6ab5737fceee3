package dev.testguard.discovery.quarkus;

import java.util.ArrayList;
import java.util.List;

/** Quarkus key spellings that stand for several keys. */
final class QuarkusKeys {

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
}
