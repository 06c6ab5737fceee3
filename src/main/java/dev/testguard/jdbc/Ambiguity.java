package dev.testguard.jdbc;

/** Builds the {@link AmbiguousJdbcUrlException} for one URL: masked, control characters made visible. */
final class Ambiguity {

    private Ambiguity() {
    }

    static AmbiguousJdbcUrlException of(String url, String problem) {
        String shown = ControlCharacters.visible(Secrets.maskUrl(url));
        return new AmbiguousJdbcUrlException(Secrets.maskUrl("The JDBC URL '" + shown + "' does not name one database: "
                + ControlCharacters.visible(problem) + "."));
    }
}
