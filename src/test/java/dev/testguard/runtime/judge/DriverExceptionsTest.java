package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB Connector/J's own exceptions for URLs it cannot read show the password (no connection opens): masked,
 * with the real driver. The agent does not weave {@code MariaDbDataSource.setUrl} yet, so nothing calls this in a
 * guarded JVM until an advice on it does.
 */
class DriverExceptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://localhost/shop_test?user=app&password=S3cretPw",
        "jdbc:mariadb:localhost/shop_test?password=S3cretPw", "jdbc:mariadb://app:S3cretPw@localhost/shop_test"})
    void theDriversMessageKeepsItsWordsAndLosesThePassword(String url) {
        SQLException thrown = catchThrowableOfType(() -> new MariaDbDataSource().setUrl(url), SQLException.class);
        assertThat(thrown.getMessage()).as("the driver's own message").contains("S3cretPw");

        SQLException masked = DriverExceptions.masked(url, thrown);

        assertThat(masked.getMessage()).doesNotContain("S3cretPw").contains("****");
        assertThat(masked.getMessage().replace("****", "")).isNotBlank();
        assertThat(masked.getSQLState()).isEqualTo(thrown.getSQLState());
        assertThat(masked.getStackTrace()).isEqualTo(thrown.getStackTrace());
    }

    @Test
    void anExceptionShowingNoSecretIsLeftAsItIs() {
        String url = "jdbc:mariadb://localhost/shop_test?password=S3cretPw&connectTimeout=abc";
        SQLException thrown = catchThrowableOfType(() -> new MariaDbDataSource().setUrl(url), SQLException.class);

        assertThat((Object) DriverExceptions.masked(url, thrown)).isSameAs(thrown);
        assertThat(DriverExceptions.secretsOf(url)).containsExactly("S3cretPw");
    }
}
