package dev.testguard.discovery.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceholderResolverTest {

    private final Map<String, String> values = Map.of(
            "host", "db.local",
            "url", "jdbc:postgresql://${host}/${name:app_test}",
            "a", "${b}",
            "b", "${a}",
            "bad", "${missing}");
    private final PlaceholderResolver resolver = new PlaceholderResolver(values::get);

    @Test
    void resolvesNestedValuesAndDefaults() {
        assertThat(resolver.resolve("${url}").value()).isEqualTo("jdbc:postgresql://db.local/app_test");
        assertThat(resolver.resolve("${nope:${host:x}}").value()).isEqualTo("db.local");
        assertThat(resolver.resolve("${nope:${also:jdbc:h2:mem:x}}").value()).isEqualTo("jdbc:h2:mem:x");
        assertThat(resolver.resolve("${nope:}").value()).isEmpty();
        assertThat(resolver.resolve("${nope:x}").isResolved()).isTrue();
    }

    @Test
    void reportsUnresolvableNames() {
        PlaceholderResolver.Result r = resolver.resolve("jdbc:x://${host}/${db}");
        assertThat(r.value()).isEqualTo("jdbc:x://db.local/${db}");
        assertThat(r.unresolved()).containsExactly("db");
        assertThat(resolver.resolve("${bad}").unresolved()).containsExactly("missing");
    }

    @Test
    void cyclesAreUnresolvedNotInfinite() {
        PlaceholderResolver.Result r = resolver.resolve("${a}");
        assertThat(r.isResolved()).isFalse();
        assertThat(r.unresolved()).containsExactly("a");
    }

    @Test
    void escapedAndUnterminatedStayLiteral() {
        assertThat(resolver.resolve("\\${host}").value()).isEqualTo("${host}");
        assertThat(resolver.resolve("x${host").value()).isEqualTo("x${host");
        assertThat(resolver.resolve("x${host").isResolved()).isTrue();
        assertThat(resolver.resolve("plain").value()).isEqualTo("plain");
    }
}
