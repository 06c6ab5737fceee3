package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.jdbc.JdbcUrlParser;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The real drivers' own readings of a URL, against the guard's (no server needed: nothing is opened). */
class DriverReadingsTest {

    private static final String SECRET = "s3cretPw1";

    @Test
    void mariadbConnectorJRejectsAUserInfoTheGuardReads() throws Exception {
        DriverView.Reading reading = DriverReadings.of(new org.mariadb.jdbc.Driver(),
                "jdbc:mariadb://app:" + SECRET + "@localhost:3306/shop_test", new Properties());

        assertThatThrownBy(reading::read).isInstanceOf(DriverView.Rejected.class)
                .hasMessage("java.sql.SQLException").hasMessageNotContaining(SECRET);
    }

    @Test
    void mariadbConnectorJAgreesOnAPlainUrlWithPropertiesAndReadsItsDataSourceConfiguration() throws Exception {
        Properties info = new Properties();
        info.setProperty("user", "app");
        info.setProperty("password", SECRET);
        String url = "jdbc:mariadb://localhost/shop_test";

        DriverView view = DriverReadings.of(new org.mariadb.jdbc.Driver(), url, info).read();

        assertThat(view).isEqualTo(new DriverView("MariaDB Connector/J", "shop_test", List.of("localhost:3306"),
                "app"));
        assertThat(view.disagreement(JdbcUrlParser.parse(url, Map.of("user", "app")))).isNull();
        Object configuration = org.mariadb.jdbc.Configuration.parse(url, info);
        String rebuilt = DriverReadings.urlOfConfiguration(configuration);
        assertThat(rebuilt).doesNotContain(SECRET);
        assertThat(DriverReadings.ofConfiguration(configuration)).isEqualTo(view)
                .satisfies(v -> assertThat(v.disagreement(JdbcUrlParser.parse(rebuilt, Map.of("user", "app"))))
                        .isNull());
    }

    @Test
    void pgjdbcReadsAUserInfoAsPartOfTheHost() throws Exception {
        String url = "jdbc:postgresql://app:" + SECRET + "@localhost:5432/shop_test";

        DriverView view = DriverReadings.of(new org.postgresql.Driver(), url, new Properties()).read();

        assertThat(view.hosts()).containsExactly("app:" + SECRET + "@localhost:5432");
        assertThat(view.disagreement(JdbcUrlParser.parse(url, Map.of())).reason())
                .startsWith("PgJDBC reads this URL otherwise than testguard").contains("[****@localhost:5432]")
                .doesNotContain(SECRET);
        String plain = "jdbc:postgresql://localhost/shop_test";
        assertThat(DriverReadings.of(new org.postgresql.Driver(), plain, new Properties()).read()
                .disagreement(JdbcUrlParser.parse(plain, Map.of()))).isNull();
    }

    /** The spellings tests use every day must not be refused for a disagreement that is not there. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "jdbc:postgresql://localhost/shop_test", "jdbc:postgresql://127.0.0.1:5433/shop_test?user=app",
        "jdbc:postgresql://[::1]:5432/shop_test", "jdbc:postgresql://h1:5432,h2:5433/shop_test?targetServerType=any",
        "jdbc:postgresql:shop_test", "jdbc:postgresql://localhost/shop_test?password=s%40cret&ssl=false",
        "jdbc:mariadb://localhost/shop_test", "jdbc:mariadb://127.0.0.1:3307/shop_test?user=app&password=x",
        "jdbc:mariadb:sequential://h1:3306,h2:3307/shop_test", "jdbc:mariadb://[::1]:3306/shop_test",
        "jdbc:mariadb://address=(host=localhost)(port=3306)/shop_test",
        "jdbc:mariadb://localhost/shop_test?database=shop_test"})
    void theDriversAgreeWithTheGuardOnOrdinaryUrls(String url) throws Exception {
        java.sql.Driver driver = url.startsWith("jdbc:postgresql") ? new org.postgresql.Driver()
                : new org.mariadb.jdbc.Driver();

        DriverView view = DriverReadings.of(driver, url, new Properties()).read();

        assertThat(view).as(url).isNotNull();
        assertThat(view.disagreement(JdbcUrlParser.parse(url, Map.of()))).as(url + " read as " + view).isNull();
    }

    @Test
    void otherDriversGiveNoReading() throws Exception {
        assertThat(DriverReadings.of(new com.mysql.cj.jdbc.Driver(), "jdbc:mysql://a:b@localhost/x_test",
                new Properties()).read()).isNull();
    }
}
