package dev.testguard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;

/** Test helper: parses a URL and checks every field of the result at once. */
final class ParsedUrl {

    private ParsedUrl() {
    }

    /**
     * @param hosts comma-separated {@link HostPort#toString()} forms ({@code h:5432,[::1]}), null for none
     */
    static JdbcUrl assertParsed(String raw, Vendor vendor, Storage storage, String hosts, boolean unixSocket,
            String databaseName, String filePath, String user, String password) {
        JdbcUrl url = JdbcUrlParser.parse(raw);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(url.raw()).as("raw").isEqualTo(raw.strip());
        soft.assertThat(url.vendor()).as("vendor").isEqualTo(vendor);
        soft.assertThat(url.storage()).as("storage").isEqualTo(storage);
        soft.assertThat(url.hosts().stream().map(HostPort::toString).collect(Collectors.joining(",")))
                .as("hosts").isEqualTo(hosts == null ? "" : hosts);
        soft.assertThat(url.unixSocket()).as("unixSocket").isEqualTo(unixSocket);
        soft.assertThat(url.databaseName()).as("databaseName").isEqualTo(databaseName);
        soft.assertThat(url.filePath()).as("filePath").isEqualTo(filePath);
        soft.assertThat(url.user()).as("user").isEqualTo(user);
        soft.assertThat(url.password()).as("password").isEqualTo(password);
        if (password != null && password.length() >= 4) { // shorter ones occur in any URL by chance
            soft.assertThat(url.masked()).as("masked").doesNotContain(password);
            soft.assertThat(url.toString()).as("toString").doesNotContain(password);
        }
        soft.assertAll();
        return url;
    }

    static void assertPort(JdbcUrl url, int index, Integer port) {
        assertThat(url.hosts().get(index).port()).isEqualTo(port);
    }
}
