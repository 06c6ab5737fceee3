package dev.testguard.discovery.spring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Spring Boot's relaxed binding of property names. */
final class SpringNames {

    private SpringNames() {
    }

    /** One form for every spelling Spring binds to the same property ({@code jdbcUrl}, {@code jdbc-url}, {@code jdbc_url}). */
    static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    /** The environment variables Spring reads for a property: {@code spring.datasource.url} → {@code SPRING_DATASOURCE_URL}. */
    static List<String> environmentNames(String key) {
        String indexed = key.replaceAll("\\[(\\w+)]", ".$1");
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(key.replace('.', '_'));
        names.add(key.replace('.', '_').toUpperCase(Locale.ROOT));
        names.add(indexed.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT));
        names.add(indexed.replace(".", "_").replace("-", "_").toUpperCase(Locale.ROOT));
        return new ArrayList<>(names);
    }
}
