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

    @Test
    void otherDriversGiveNoReading() throws Exception {
        assertThat(DriverReadings.of(new com.mysql.cj.jdbc.Driver(), "jdbc:mysql://a:b@localhost/x_test",
                new Properties()).read()).isNull();
    }
}
