package dev.testguard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which keys hold secrets (a key merely containing "pass" does not), and free text quoting a URL whose password holds
 * a raw space: the parser's splits say where the password ends, not the first space.
 */
class SecretKeysAndSpacesTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "PASSWORD", "passwd", "pwd", "secret", "credentials", "token", "sslpassword",
            "trustStorePassword", "password2", "passphrase", "accessToken", "clientSecret", "db.pass", "mysqlPass", "pass",
            "PASS", "aadSecurePrincipalSecret"})
    void secretKeys(String key) {
        assertThat(ControlCharacters.isSecretKey(key)).as(key).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"compass", "bypassCache", "passage", "user", "sslmode", "host", "compassHeading", "trespass"})
    void keysMerelyContainingPassAreNoSecrets(String key) {
        assertThat(ControlCharacters.isSecretKey(key)).as(key).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://h/db_test?compass=north&password=Zq7   | jdbc:postgresql://h/db_test?compass=north&password=****
            jdbc:h2:/abs/db;COMPASS=north;PASSWORD=Zq7               | jdbc:h2:/abs/db;COMPASS=north;PASSWORD=****
            seen compass=north and password=Zq7 here                 | seen compass=north and password=**** here
            jdbc:mysql://h/db?bypassCache=true&user=u                | jdbc:mysql://h/db?bypassCache=true&user=u
            """)
    void aKeyContainingPassIsShown(String text, String masked) {
        assertThat(Secrets.maskUrl(text)).isEqualTo(masked);
    }

    @Test
    void aSecretInsideTheValueOfAnotherKeyIsStillFound() {
        assertThat(Secrets.maskUrl("note=\"a password=Zq7x9\" end")).doesNotContain("Zq7x9");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            cannot reach jdbc:postgresql://app:Pw Zq81@localhost:5432/shop_test: refused    | cannot reach jdbc:postgresql://app:****@localhost:5432/shop_test: refused
            cannot reach jdbc:mysql://app:Pw Zq81 Wv7k@localhost/shop_test now               | cannot reach jdbc:mysql://app:****@localhost/shop_test now
            url jdbc:postgresql://h/shop_test?password=Pw Zq81&sslmode=require seen twice    | url jdbc:postgresql://h/shop_test?password=****&sslmode=require seen twice
            url jdbc:sqlserver://h;password=Pw Zq81;databaseName=shop_test from the POM       | url jdbc:sqlserver://h;password=****;databaseName=shop_test from the POM
            url postgres://app:Pw Zq81@h/shop_test from DATABASE_URL                         | url postgres://**** from DATABASE_URL
            url jdbc:mysql://h/shop_test?password=Pw Zq81&useSSL=true&user=app ok            | url jdbc:mysql://h/shop_test?password=****&useSSL=true&user=app ok
            """)
    void aPasswordHoldingASpaceInFreeTextIsHiddenWhole(String text, String masked) {
        assertThat(Secrets.maskUrl(text)).isEqualTo(masked);
        assertThat(Secrets.maskUrl(masked)).isEqualTo(masked);
    }

    /**
     * A last {@code ?password=} holding a space: nothing in free text says whether the next word is the password's or
     * the sentence's, so the URL ends at the space; the login's known password is what hides the rest.
     */
    @Test
    void aSpaceInALastQueryPasswordIsLeftToTheKnownPassword() {
        String text = "url jdbc:postgresql://h/shop_test?password=Pw Zq81 seen\nnext line";
        assertThat(Secrets.maskUrl(text)).isEqualTo("url jdbc:postgresql://h/shop_test?password=**** Zq81 seen\nnext line");
        assertThat(Secrets.maskText(text, "Pw Zq81")).doesNotContain("Zq81").endsWith(" seen\nnext line");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://h/shop_test?password=**** from command line -Dtestguard.url",
        "jdbc:postgresql://app:****@h/shop_test is PROTECTED by rule name",
        "jdbc:postgresql://h/shop_test?user=app is refused",
        "jdbc:postgresql://h/shop_test from src/test/resources/application.properties line 3"})
    void wordsAfterAUrlStayWhenNoPasswordHoldsThem(String text) {
        assertThat(Secrets.maskUrl("testguard: " + text)).isEqualTo("testguard: " + text);
    }
}
