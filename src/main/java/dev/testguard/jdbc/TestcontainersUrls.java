package dev.testguard.jdbc;

/**
 * Testcontainers' JDBC driver: {@code jdbc:tc:<image>[:<tag>]://[ignored host]/db?TC_...=...}. The container is
 * thrown away after the tests; the host part is ignored by the driver, so no host is reported.
 */
final class TestcontainersUrls {

    static final String PREFIX = "jdbc:tc:";

    private TestcontainersUrls() {
    }

    static JdbcUrl parse(String url) {
        UrlBuilder b = new UrlBuilder(url, Vendor.TESTCONTAINERS).storage(Storage.CONTAINER);
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        if (question >= 0) {
            UrlText.queryParameters(rest.substring(question + 1), b.parameters);
            rest = rest.substring(0, question);
        }
        int slashes = rest.indexOf("//");
        if (slashes >= 0) {
            String afterHost = rest.substring(slashes + 2);
            int slash = afterHost.indexOf('/');
            b.databaseName = slash < 0 ? null : UrlText.decode(afterHost.substring(slash + 1));
        }
        b.credentialsFromParameters("user", "password");
        return b.build();
    }
}
