package dev.testguard.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            jdbc:postgresql://h:5433/db?user=u&password=Zq7&sslmode=require                | jdbc:postgresql://h:5433/db?user=u&password=****&sslmode=require
            jdbc:postgresql://h/db?password=Zq7                                            | jdbc:postgresql://h/db?password=****
            jdbc:postgresql://h/db?sslpassword=Zq7&sslkey=/k                               | jdbc:postgresql://h/db?sslpassword=****&sslkey=/k
            jdbc:mysql://u:Zq7@h/db                                                        | jdbc:mysql://u:****@h/db
            jdbc:mysql://u:Zq7:x@y@h/db                                                    | jdbc:mysql://u:****@h/db
            jdbc:mysql:replication://u:Zq7@h1,h2/db                                        | jdbc:mysql:replication://u:****@h1,h2/db
            jdbc:mysql://address=(host=h)(port=3306)(user=u)(password=Zq7),address=(host=h2)/db | jdbc:mysql://address=(host=h)(port=3306)(user=u)(password=****),address=(host=h2)/db
            jdbc:mysql://(host=h,port=3306,user=u,password=Zq7)/db                         | jdbc:mysql://(host=h,port=3306,user=u,password=****)/db
            jdbc:mysql://(host=h, password=Zq7, port=3306)/db                              | jdbc:mysql://(host=h, password=****, port=3306)/db
            jdbc:mysql://h/db?user=u&password1=Zq7&password2=Zq7                           | jdbc:mysql://h/db?user=u&password1=****&password2=****
            jdbc:mysql://h/db?trustCertificateKeyStorePassword=Zq7&useSSL=true             | jdbc:mysql://h/db?trustCertificateKeyStorePassword=****&useSSL=true
            jdbc:mariadb://h/db?user=u&password=Zq7                                        | jdbc:mariadb://h/db?user=u&password=****
            jdbc:h2:/abs/db;MODE=PostgreSQL;USER=sa;PASSWORD=Zq7                           | jdbc:h2:/abs/db;MODE=PostgreSQL;USER=sa;PASSWORD=****
            jdbc:h2:mem:x;PASSWORD=Zq7;DB_CLOSE_DELAY=-1                                   | jdbc:h2:mem:x;PASSWORD=****;DB_CLOSE_DELAY=-1
            jdbc:derby://h:1527/db;user=u;password=Zq7                                     | jdbc:derby://h:1527/db;user=u;password=****
            jdbc:sqlserver://h:1433;databaseName=db;user=u;password=Zq7                    | jdbc:sqlserver://h:1433;databaseName=db;user=u;password=****
            jdbc:sqlserver://h;user=me@corp;password=Zq7@x;encrypt=true                    | jdbc:sqlserver://h;user=me@corp;password=****;encrypt=true
            jdbc:sqlserver://h;password={Zq7;more};databaseName=db                         | jdbc:sqlserver://h;password=****;databaseName=db
            jdbc:sqlserver://h;aadSecurePrincipalSecret=Zq7                                | jdbc:sqlserver://h;aadSecurePrincipalSecret=****
            jdbc:oracle:thin:u/Zq7@//h/service                                             | jdbc:oracle:thin:u/****@//h/service
            jdbc:oracle:thin:u/Zq7@h:1521:SID                                              | jdbc:oracle:thin:u/****@h:1521:SID
            jdbc:oracle:thin:u/"Zq7@x"@h:1521:SID                                          | jdbc:oracle:thin:u/****@h:1521:SID
            jdbc:oracle:thin:@//h:1521/service                                             | jdbc:oracle:thin:@//h:1521/service
            jdbc:tc:mysql:8.0://h/db?user=u&password=Zq7                                   | jdbc:tc:mysql:8.0://h/db?user=u&password=****
            postgres://u:Zq7@h:5432/db                                                     | postgres://u:****@h:5432/db
            jdbc:mysql://u:Zq7;x@h/db                                                      | jdbc:mysql://u:****@h/db
            jdbc:mysql://address=(host=h)(password=,Zq7)/db                                | jdbc:mysql://address=(host=h)(password=****)/db
            jdbc:oracle:thin:u/Zq7 x@h:1521:SID                                            | jdbc:oracle:thin:u/****@h:1521:SID
            jdbc:oracle:thin:/Zq7@h:1521:SID                                               | jdbc:oracle:thin:/****@h:1521:SID
            jdbc:h2:mem:x;PASSWORD=&Zq7                                                    | jdbc:h2:mem:x;PASSWORD=****
            jdbc:postgresql://srv:5432/db?user=me@srv&password=Zq7                         | jdbc:postgresql://srv:5432/db?user=me@srv&password=****
            `url jdbc:mysql://u:Zq7@h/db failed, retry with jdbc:h2:mem:x;PASSWORD=Zq7`     | `url jdbc:mysql://u:****@h/db failed, retry with jdbc:h2:mem:x;PASSWORD=****`
            """)
    void masksEveryCredentialForm(String raw, String masked) {
        assertThat(Secrets.maskUrl(raw)).isEqualTo(masked).doesNotContain("Zq7");
    }

    /** The MySQL parser refuses these (no '//'): nothing says where the credentials end, so all after the scheme goes. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:mysql:/u:Zq7@h/db      | jdbc:mysql:****
            jdbc:mysql:u:Zq7@h/db       | jdbc:mysql:****
            jdbc:oracle:thin:u/Zq7      | jdbc:oracle:****
            jdbc:mysql://u:Pw/Zq7@h/db  | jdbc:mysql://****
            """)
    void anUnreadableUrlThatMayHoldASecretLosesAllAfterItsScheme(String raw, String masked) {
        assertThat(Secrets.maskUrl(raw)).isEqualTo(masked).doesNotContain("Zq7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://h:5432/db?sslmode=require", "jdbc:mysql://[::1]:3306/db",
        "jdbc:mysql://h:3306?user=me@srv", "jdbc:sqlserver://h:1433;user=u@corp;databaseName=db",
        "jdbc:oracle:thin:@h:1521:SID", "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=1521)))",
        "jdbc:h2:tcp://localhost:9092/~/test;USER=sa", "jdbc:sqlite:file::memory:?cache=shared",
        "jdbc:mysql://address=(host=h)(port=3306)(user=u)/db"})
    void leavesUrlsWithoutSecretsAlone(String raw) {
        assertThat(Secrets.maskUrl(raw)).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:postgresql://h/db?password=", "jdbc:h2:mem:x;PASSWORD=;USER=sa"})
    void anEmptyPasswordStaysEmpty(String raw) {
        assertThat(Secrets.maskUrl(raw)).isEqualTo(raw);
    }

    /** Issue 9: the value runs where the parser says it runs, whatever it holds. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            jdbc:postgresql://h:5432/db?user=u&password=Pw Zq81-Leak                        | jdbc:postgresql://h:5432/db?user=u&password=****
            jdbc:postgresql://h:5432/db?password=Pw Zq81-Leak&sslmode=require               | jdbc:postgresql://h:5432/db?password=****&sslmode=require
            jdbc:postgresql://user:Pw%2Fx%20Zq81@h:5432/db                                  | jdbc:postgresql://user:****@h:5432/db
            jdbc:postgresql://user:Pw/Zq81x@h:5432/db                                       | jdbc:postgresql://****
            jdbc:postgresql://user:5432/Zq81x@h:5432/db                                     | jdbc:postgresql://****
            jdbc:mysql://user:Pw Zq81@h:3306/db                                             | jdbc:mysql://user:****@h:3306/db
            jdbc:mysql://address=(host=h)(port=3306)(password=Pw Zq81 ;&?)/db               | jdbc:mysql://address=(host=h)(port=3306)(password=****)/db
            jdbc:h2:tcp://h:9092/~/db;USER=sa;PASSWORD=file Zq81 user Zq81;TRACE_LEVEL_FILE=0 | jdbc:h2:tcp://h:9092/~/db;USER=sa;PASSWORD=****;TRACE_LEVEL_FILE=0
            jdbc:sqlserver://h:1433;databaseName=db;password={Pw Zq81;x};user=u             | jdbc:sqlserver://h:1433;databaseName=db;password=****;user=u
            jdbc:oracle:thin:u/"Pw Zq81/x"@//h:1521/svc                                     | jdbc:oracle:thin:u/****@//h:1521/svc
            r2dbc:postgresql://user:Pw%20Zq81@h:5432/db                                     | r2dbc:postgresql://user:****@h:5432/db
            r2dbc:pool:mysql://user:Zq81x@h:3306/db?initialSize=1                           | r2dbc:pool:mysql://user:****@h:3306/db?initialSize=1
            r2dbc:postgresql://user:Pw Zq81@h:5432/db                                       | r2dbc:****
            postgres://user:Zq81x@h:5432/db                                                 | postgres://user:****@h:5432/db
            `Cannot connect to jdbc:postgresql://h/db?password=Zq81x: refused`              | `Cannot connect to jdbc:postgresql://h/db?password=****: refused`
            `jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=1521))) is down`         | `jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=1521))) is down`
            """)
    void masksByTheParsersSplits(String raw, String masked) {
        assertThat(Secrets.maskUrl(raw)).isEqualTo(masked).doesNotContain("Zq81");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mysql://u:Pw/Zq81x@h:3306/db", "jdbc:mysql://u:Pw:Zq81/x@h:3306/db",
        "jdbc:postgresql://u:Zq81?x@h/db", "jdbc:oracle:thin:scott/Zq81x"})
    void aParserErrorNeverQuotesAPieceOfThePassword(String raw) {
        assertThatThrownBy(() -> JdbcUrlParser.parse(raw)).isInstanceOf(JdbcUrlException.class)
                .hasMessageNotContaining("Zq81").hasMessageNotContaining("Pw");
    }

    /** Issue 9: password 'owner' of user 'app_owner' turned a server message into "user 'app_****'". */
    @Test
    void aKnownPasswordNeverCorruptsAnIdentifier() {
        String message = "Access denied for user 'app_owner'@'localhost' (using password: YES)";
        assertThat(Secrets.maskText(message, "owner")).isEqualTo(message);
        assertThat(Secrets.maskText(message, new Credentials("app_owner", "owner"))).isEqualTo(message);
    }

    @Test
    void aShortOrCommonPasswordIsMaskedOnlyWhereTheTextSaysItIsOne() {
        assertThat(Secrets.maskText("table owner changed; password=owner; password: 'owner'", "owner"))
                .isEqualTo("table owner changed; password=****; password: '****'");
        assertThat(Secrets.maskText("row 1234 failed", "1234")).isEqualTo("row 1234 failed");
    }

    @Test
    void aStrongPasswordIsMaskedWhereverItStandsAlone() {
        assertThat(Secrets.maskText("tool said: Zq81-Leak!x rejected (Zq81-Leak!x)", "Zq81-Leak!x"))
                .isEqualTo("tool said: **** rejected (****)");
        assertThat(Secrets.maskText("login failed for Pw Zq81-Leak", "Pw Zq81-Leak")).isEqualTo("login failed for ****");
    }

    @Test
    void aStrongPasswordInsideALongerWordIsNotThatPassword() {
        assertThat(Secrets.maskText("database shop_Secret99x_archive", "Secret99x"))
                .isEqualTo("database shop_Secret99x_archive");
    }

    @Test
    void aPasswordEqualToTheUserNameIsNeverPointedAt() {
        String message = "FATAL: role \"appowner2024\" does not exist";
        assertThat(Secrets.maskText(message, new Credentials("appowner2024", "appowner2024"))).isEqualTo(message);
        assertThat(Secrets.maskText("password=appowner2024", new Credentials("appowner2024", "appowner2024")))
                .isEqualTo("password=****");
    }
}
