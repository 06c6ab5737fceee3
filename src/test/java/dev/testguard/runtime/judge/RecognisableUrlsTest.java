package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class RecognisableUrlsTest {

    @Test
    void aPgSimpleDataSourceUrlShowsOnlyWhatTheUserSet() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://localhost:5432/shop_dev?ApplicationName=billing&password=s3cret&connectTimeout=3");
        String spelled = ds.getURL();
        assertThat(spelled).contains("adaptiveFetch=false", "xmlFactoryFactory=");
        PGSimpleDataSource plain = new PGSimpleDataSource();
        plain.setURL("jdbc:postgresql://localhost:5432/shop_dev");
        assertThat(RecognisableUrls.of(plain.getURL(), RecognisableUrls.defaultsOf(new org.postgresql.Driver())))
                .isEqualTo("jdbc:postgresql://localhost:5432/shop_dev");

        String shown = RecognisableUrls.of(spelled, RecognisableUrls.defaultsOf(new org.postgresql.Driver()));

        // the data source passes the password as a property, not in its URL
        assertThat(shown).isEqualTo("jdbc:postgresql://localhost:5432/shop_dev?ApplicationName=billing&connectTimeout=3");
    }

    @Test
    void withoutPublishedDefaultsTheUrlIsShownInFullAndMasked() {
        assertThat(RecognisableUrls.defaultsOf(new Object())).isEmpty();
        assertThat(RecognisableUrls.of("jdbc:mysql://h/db?useSSL=false&password=x", Map.of()))
                .isEqualTo("jdbc:mysql://h/db?useSSL=false&password=****");
        assertThat(RecognisableUrls.of("jdbc:postgresql://h/db?tcpNoDelay=true", Map.of("tcpNoDelay", "true")))
                .isEqualTo("jdbc:postgresql://h/db");
    }
}
