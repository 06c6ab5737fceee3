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
 * with the real driver. The agent's woven {@code setUrl} and {@code (String)} constructor of MariaDB's data sources
 * call the {@link Throwable} form (MaskedUrlEndToEndTest).
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

    /** The woven config() of a data source without a URL passes a null URL: the driver's "url not set" stays. */
    @Test
    void withoutAUrlTheExceptionIsLeftAsItIs() {
        SQLException thrown = catchThrowableOfType(() -> new MariaDbDataSource().getConnection(), SQLException.class);

        assertThat(thrown.getMessage()).isEqualTo("url not set");
        assertThat((Object) DriverExceptions.masked(null, (Throwable) thrown)).isSameAs(thrown);
    }

    @Test
    void anExceptionShowingNoSecretIsLeftAsItIs() {
        String url = "jdbc:mariadb://localhost/shop_test?password=S3cretPw&connectTimeout=abc";
        SQLException thrown = catchThrowableOfType(() -> new MariaDbDataSource().setUrl(url), SQLException.class);

        assertThat((Object) DriverExceptions.masked(url, thrown)).isSameAs(thrown);
        assertThat(DriverExceptions.secretsOf(url)).containsExactly("S3cretPw");
    }

    @Test
    void aCauseShowingASecretIsLeftOutThoughTheMessageShowsNone() {
        String url = "jdbc:mariadb://localhost/shop_test?password=S3cretPw";
        SQLException thrown = new SQLException("cannot read the URL", "08000", 7,
                new IllegalArgumentException("bad value S3cretPw"));

        Throwable masked = DriverExceptions.masked(url, (Throwable) thrown);

        assertThat(masked).isInstanceOf(SQLException.class).hasMessage("cannot read the URL").hasNoCause();
        assertThat(((SQLException) masked).getSQLState()).isEqualTo("08000");
        assertThat(((SQLException) masked).getErrorCode()).isEqualTo(7);
        assertThat(masked.getStackTrace()).isEqualTo(thrown.getStackTrace());
    }

    @Test
    void aRuntimeExceptionShowingASecretIsCopiedAsItsOwnClassMasked() {
        String url = "jdbc:mariadb://app:S3cretPw@localhost/shop_test";
        IllegalStateException thrown = new IllegalStateException("Incorrect port value : S3cretPw@localhost");

        Throwable masked = DriverExceptions.masked(url, thrown);

        assertThat(masked).isExactlyInstanceOf(IllegalStateException.class).hasNoCause()
                .hasMessage("Incorrect port value : ****@localhost");
        assertThat(masked.getStackTrace()).isEqualTo(thrown.getStackTrace());
        RuntimeException clean = new IllegalArgumentException("no secret here", thrown.getCause());
        assertThat(DriverExceptions.masked(url, clean)).isSameAs(clean);
    }

    @Test
    void theRealDriversExceptionsAreMaskedAlikeThroughTheThrowableForm() {
        String url = "jdbc:mariadb://app:S3cretPw@localhost/shop_test";
        SQLException thrown = catchThrowableOfType(() -> new MariaDbDataSource().setUrl(url), SQLException.class);

        Throwable masked = DriverExceptions.masked(url, (Throwable) thrown);

        assertThat(masked).isInstanceOf(SQLException.class).hasMessage(DriverExceptions.masked(url, thrown)
                .getMessage());
        assertThat(masked.toString()).doesNotContain("S3cretPw");
    }
}
