package dev.testguard.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the parts of one URL (path, parameters, connection properties) say about one part of the target
 * (database, host, port, user). Two parts saying different things make the URL ambiguous: which one wins differs
 * between drivers and is invisible to the person reading the URL, so testguard refuses to pick.
 */
final class Claims {

    private final String url;
    private final String part;
    private final List<String> origins = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    Claims(String url, String part) {
        this.url = url;
        this.part = part;
    }

    /** {@code origin} ("the path", "the parameter PGDBNAME") says {@code value}; null says nothing. */
    Claims add(String origin, String value) {
        if (value != null) {
            origins.add(origin);
            values.add(value);
        }
        return this;
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The one value every part agrees on, or null when none says anything. */
    String agreed() {
        for (int i = 1; i < values.size(); i++) {
            if (!Objects.equals(values.get(0), values.get(i))) {
                throw Ambiguity.of(url, part + " is named twice, differently: " + describe(0) + " but " + describe(i)
                        + ". Name it once");
            }
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private String describe(int i) {
        return origins.get(i) + " says '" + values.get(i) + "'";
    }
}
