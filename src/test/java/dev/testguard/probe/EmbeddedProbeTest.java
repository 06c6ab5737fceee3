package dev.testguard.probe;

import static dev.testguard.probe.LocalDatabases.TIMEOUT;
import static dev.testguard.probe.LocalDatabases.h2File;
import static dev.testguard.probe.LocalDatabases.sqliteFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrl;
import dev.testguard.jdbc.Storage;
import dev.testguard.jdbc.Vendor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedProbeTest {

    private static final Credentials SA = new Credentials("sa", "");
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

    @TempDir
    Path dir;

    private final Stamper stamper = new Stamper(Clock.fixed(NOW, ZoneOffset.UTC), "carol@desk", Path.of("."));

    private LiveFacts probe(JdbcUrl url, Credentials credentials) {
        try (JdbcLiveProbe probe = new JdbcLiveProbe(TIMEOUT, dir)) {
            return probe.inspect(url, credentials);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void h2StampIsReadBackWithRowsAndIdentity() throws Exception {
        Path base = dir.resolve("app_test");
        LocalDatabases.execute(h2File(base), SA, "CREATE TABLE items (id INT)", "INSERT INTO items SELECT X FROM SYSTEM_RANGE(1, 1234)");

        Stamp written = stamper.stamp(new DatabaseTarget(h2File(base), SA), Stamp.Role.TEST, "g:a", null, 10_000, TIMEOUT);
        LiveFacts facts = probe(h2File(base), SA);

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.REACHABLE);
        assertThat(facts.stamp()).isEqualTo(written).isEqualTo(new Stamp(Stamp.Role.TEST, NOW, "carol@desk", "g:a"));
        assertThat(facts.estimatedRows()).isEqualTo(1234);
        assertThat(facts.identity().serverId()).isEqualTo("h2:" + base.resolveSibling("app_test.mv.db").toRealPath());
    }

    @Test
    void h2StampSurvivesDroppingTheTestsSchemasAndTables() throws Exception {
        Path base = dir.resolve("app_test");
        LocalDatabases.execute(h2File(base), SA, "CREATE TABLE items (id INT)", "CREATE SCHEMA APP", "CREATE TABLE APP.T (id INT)");
        stamper.stamp(new DatabaseTarget(h2File(base), SA), Stamp.Role.PROTECTED, null, null, 10_000, TIMEOUT);

        // what Hibernate create-drop and Flyway clean do: H2 itself refuses DROP SCHEMA PUBLIC
        LocalDatabases.execute(h2File(base), SA, "DROP SCHEMA APP CASCADE", "DROP TABLE items CASCADE");

        assertThat(probe(h2File(base), SA).stamp().role()).isEqualTo(Stamp.Role.PROTECTED);
    }

    @Test
    void h2FileThatDoesNotExistIsNotCreated() throws Exception {
        Path base = dir.resolve("missing_test");

        LiveFacts facts = probe(h2File(base), SA);

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.NOT_CHECKED);
        assertThat(facts.message()).isEqualTo(JdbcLiveProbe.DOES_NOT_EXIST_YET);
        assertThat(files()).isEmpty();
        assertThatThrownBy(() -> stamper.stamp(new DatabaseTarget(h2File(base), SA), Stamp.Role.TEST, null, null, 10_000, TIMEOUT))
                .hasMessageContaining("does not exist");
        assertThat(files()).isEmpty();
    }

    @Test
    void relativeH2PathIsTakenAgainstTheBaseDirectory() throws Exception {
        LocalDatabases.execute(h2File(dir.resolve("rel_test")), SA, "CREATE TABLE t (id INT)");
        JdbcUrl relative = new JdbcUrl("jdbc:h2:./rel_test;MODE=PostgreSQL", Vendor.H2, Storage.FILE, List.of(), false,
                "rel_test", "./rel_test", Map.of("MODE", "PostgreSQL"), null, null);

        LiveFacts facts = probe(relative, SA);

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.REACHABLE);
        assertThat(facts.identity()).isEqualTo(probe(h2File(dir.resolve("rel_test")), SA).identity());
    }

    @Test
    void probingAnH2FileChangesNothing() throws Exception {
        Path base = dir.resolve("quiet_test");
        LocalDatabases.execute(h2File(base), SA, "CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)");
        Path data = dir.resolve("quiet_test.mv.db");
        String before = sha256(data);
        List<String> filesBefore = files();

        LiveFacts facts = probe(h2File(base), SA);

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.REACHABLE);
        assertThat(facts.stamp()).isNull();
        assertThat(sha256(data)).isEqualTo(before);
        assertThat(files()).isEqualTo(filesBefore);
    }

    @Test
    void sqliteStampIsReadBackWithExactRowsAndIdentity() throws Exception {
        Path file = dir.resolve("app_test.db");
        LocalDatabases.execute(sqliteFile(file), Credentials.NONE, "CREATE TABLE items (id INTEGER)",
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 777) INSERT INTO items SELECT x FROM n");

        Stamp written = stamper.stamp(new DatabaseTarget(sqliteFile(file), null), Stamp.Role.PROTECTED, "g:a", null, 10_000, TIMEOUT);
        LiveFacts facts = probe(sqliteFile(file), Credentials.NONE);

        assertThat(facts.status()).isEqualTo(LiveFacts.Status.REACHABLE);
        assertThat(facts.stamp()).isEqualTo(written);
        assertThat(facts.estimatedRows()).isEqualTo(777);
        assertThat(facts.identity().serverId()).isEqualTo("sqlite:" + file.toRealPath());
        assertThat(facts.identity().database()).isEqualTo("app_test.db");
    }

    @Test
    void bigSqliteDatabaseNeedsConfirmation() throws Exception {
        Path file = dir.resolve("big.db");
        LocalDatabases.execute(sqliteFile(file), Credentials.NONE, "CREATE TABLE items (id INTEGER)",
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) INSERT INTO items SELECT x FROM n");
        DatabaseTarget target = new DatabaseTarget(sqliteFile(file), null);

        assertThatThrownBy(() -> stamper.stamp(target, Stamp.Role.TEST, null, null, 10_000, TIMEOUT))
                .hasMessageContaining("20,000 rows").hasMessageContaining("-Dtestguard.confirm=big.db");
        assertThat(stamper.stamp(target, Stamp.Role.TEST, null, "big.db", 10_000, TIMEOUT).role()).isEqualTo(Stamp.Role.TEST);
    }

    @Test
    void sqliteFileThatDoesNotExistIsNotCreatedAndProbingChangesNothing() throws Exception {
        LiveFacts missing = probe(sqliteFile(dir.resolve("missing.db")), Credentials.NONE);
        assertThat(missing.status()).isEqualTo(LiveFacts.Status.NOT_CHECKED);
        assertThat(missing.message()).isEqualTo(JdbcLiveProbe.DOES_NOT_EXIST_YET);
        assertThat(files()).isEmpty();

        Path file = dir.resolve("quiet.db");
        LocalDatabases.execute(sqliteFile(file), Credentials.NONE, "CREATE TABLE t (id INTEGER)", "INSERT INTO t VALUES (1)");
        String before = sha256(file);

        assertThat(probe(sqliteFile(file), Credentials.NONE).estimatedRows()).isEqualTo(1);
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(files()).containsExactly("quiet.db");
    }

    @Test
    void theProbesUrlsForEmbeddedFilesCannotWrite() throws Exception {
        Path base = dir.resolve("ro_test");
        Path file = dir.resolve("ro.db");
        LocalDatabases.execute(h2File(base), SA, "CREATE TABLE t (id INT)");
        LocalDatabases.execute(sqliteFile(file), Credentials.NONE, "CREATE TABLE t (id INTEGER)");

        for (JdbcUrl url : List.of(h2File(base), sqliteFile(file))) {
            JdbcUrl readOnly = SafeUrls.forReading(url, SafeUrls.embeddedFile(url, dir));
            Credentials login = url.vendor() == Vendor.H2 ? SA : Credentials.NONE;
            assertThatThrownBy(() -> LocalDatabases.execute(readOnly, login, "INSERT INTO t VALUES (1)"))
                    .as(readOnly.raw()).isInstanceOf(java.sql.SQLException.class).hasMessageContaining("read");
        }
    }
}
