package dev.testguard.jdbc;

/** Builds the {@link AmbiguousJdbcUrlException} for one URL: masked, control characters made visible. */
final class Ambiguity {

    private Ambiguity() {
    }

    static AmbiguousJdbcUrlException of(String url, String problem) {
        return new AmbiguousJdbcUrlException(() -> "The JDBC URL '" + ControlCharacters.visible(Secrets.maskUrl(url))
                + "' does not name one database: " + ControlCharacters.visible(UrlMasker.maskProblem(url, problem)) + ".");
    }
}
