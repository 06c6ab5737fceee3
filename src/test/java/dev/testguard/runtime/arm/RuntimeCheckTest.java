package dev.testguard.runtime.arm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.policy.PolicySettings;
import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import dev.testguard.runtime.judge.ConnectionJudge;
import dev.testguard.runtime.judge.ConnectionLog;
import dev.testguard.runtime.judge.TestClasses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeCheckTest {

    private static final String TOKEN = "t0k3n";
    private static final String PROD = "jdbc:postgresql://localhost:5432/shop_prod";
    private static final String TEST_DB = "jdbc:postgresql://localhost:5432/shop_test";

    @TempDir
    Path dir;
    Path records;
    Path surefire;
    Path failsafe;
    Instant armedAt;

    @BeforeEach
    void setUp() throws Exception {
        records = dir.resolve("testguard/runtime");
        surefire = Files.createDirectories(dir.resolve("surefire-reports"));
        failsafe = dir.resolve("failsafe-reports");
        armedAt = Instant.now().minusSeconds(60);
    }

    private RuntimeVerdict check() {
        return new RuntimeCheck(records, TOKEN, armedAt, List.of(surefire, failsafe)).check();
    }

    private void record(long pid, RuntimeRecord r) throws Exception {
        RuntimeRecords.append(RuntimeRecords.fileFor(records, r.token(), pid), r);
    }

    private static RuntimeRecord connection(long pid, String url, String verdict, boolean refused, String test,
            long count) {
        return RuntimeRecord.connection(TOKEN, pid, url, "localhost:5432/db", verdict, refused ? "name" : null,
                refused ? "the name holds the forbidden token 'prod'" : "a test name", refused, test, count);
    }

    private Path report(Path directory, String testClass, String marker) throws Exception {
        Files.createDirectories(directory);
        String property = marker == null ? "" : "<property name=\"testguard.agent\" value=\"" + marker + "\"/>";
        Path file = directory.resolve("TEST-" + testClass + ".xml");
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" + testClass
                + "\" tests=\"1\"><properties><property name=\"java.version\" value=\"17\"/>" + property
                + "</properties><testcase name=\"t\" classname=\"" + testClass + "\"/></testsuite>",
                StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aGuardedSafeBuildPassesAndListsWhatItTouched() throws Exception {
        record(11, RuntimeRecord.armed(TOKEN, 11, "17"));
        record(11, connection(11, TEST_DB, "TEST", false, "app.RepoTest", 1));
        record(11, connection(11, TEST_DB, "TEST", false, "app.RepoTest", 40));
        report(surefire, "app.RepoTest", "armed:" + TOKEN);

        RuntimeVerdict verdict = check();

        assertThat(verdict.failed()).isFalse();
        assertThat(verdict.failureMessage()).isNull();
        assertThat(verdict.forks()).isEqualTo(1);
        assertThat(verdict.reports()).isEqualTo(1);
        assertThat(verdict.databases()).singleElement().satisfies(d -> {
            assertThat(d.url()).isEqualTo(TEST_DB);
            assertThat(d.count()).isEqualTo(40);
            assertThat(d.testClasses()).containsExactly("app.RepoTest");
        });
    }

    @Test
    void spellingsOfOnePhysicalDatabaseAreOneEntry() throws Exception {
        record(11, RuntimeRecord.armed(TOKEN, 11, "17"));
        record(11, RuntimeRecord.connection(TOKEN, 11, TEST_DB, "postgresql://localhost:5432/shop_test", "TEST", null,
                "test name", false, "app.ATest", 3));
        record(12, RuntimeRecord.connection(TOKEN, 12, TEST_DB + "?ApplicationName=x",
                "postgresql://localhost:5432/shop_test", "TEST", null, "test name", false, "app.BTest", 4));
        record(12, RuntimeRecord.connection(TOKEN, 12, "jdbc:postgresql://localhost:5432/other_test",
                "postgresql://localhost:5432/other_test", "TEST", null, "test name", false, "app.BTest", 1));

        List<TouchedDatabase> databases = check().databases();

        assertThat(databases).hasSize(2);
        assertThat(databases.get(0)).satisfies(d -> {
            assertThat(d.name()).isEqualTo("postgresql://localhost:5432/shop_test");
            assertThat(d.urls()).containsExactly(TEST_DB, TEST_DB + "?ApplicationName=x");
            assertThat(d.count()).isEqualTo(7);
            assertThat(d.testClasses()).containsExactlyInAnyOrder("app.ATest", "app.BTest");
        });
    }

    @Test
    void loopbackAliasesOfOneDatabaseAreOneEntryWithEverySpelling() throws Exception {
        // what the guard records: two forks reaching one database as localhost, 127.0.0.1 and ::1
        for (long pid : new long[] {21, 22}) {
            ConnectionJudge judge = new ConnectionJudge(PolicySettings.defaults(dir, dir.resolve("target"), false),
                    true, new ConnectionLog(records, TOKEN, pid), new TestClasses(dir.resolve("target/test-classes")));
            for (String host : new String[] {"localhost", "127.0.0.1", "::1"}) {
                assertThat(judge.judgeR2dbc(Map.of("driver", "postgresql", "host", host, "port", "5432",
                        "database", "shop_test"))).isNull();
            }
            assertThat(judge.judgeR2dbc(Map.of("driver", "postgresql", "host", "127.0.0.1", "port", "5433",
                    "database", "shop_test"))).isNull();
        }

        List<TouchedDatabase> databases = RuntimeCheck.databases(RuntimeRecords.read(records, TOKEN));

        assertThat(databases).extracting(TouchedDatabase::name).containsExactly(
                "postgresql://localhost:5432/shop_test", "postgresql://localhost:5433/shop_test");
        assertThat(databases.get(0).urls()).containsExactly("jdbc:postgresql://localhost:5432/shop_test",
                "jdbc:postgresql://127.0.0.1:5432/shop_test", "jdbc:postgresql://[::1]:5432/shop_test");
        assertThat(databases.get(0).count()).isEqualTo(6);
        assertThat(databases.get(1).urls()).containsExactly("jdbc:postgresql://127.0.0.1:5433/shop_test");
    }

    @Test
    void refusalsAreSummedOverForksAndNamedWithRuleAndTestClasses() throws Exception {
        record(11, RuntimeRecord.armed(TOKEN, 11, "17"));
        record(12, RuntimeRecord.armed(TOKEN, 12, "17"));
        record(11, connection(11, PROD, "PROTECTED", true, "app.ATest", 2));
        record(12, connection(12, PROD, "PROTECTED", true, "app.BTest", 3));
        report(surefire, "app.ATest", "armed:" + TOKEN);
        report(surefire, "app.BTest", "armed:" + TOKEN);

        RuntimeVerdict verdict = check();

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.refusals()).singleElement().satisfies(d -> {
            assertThat(d.count()).isEqualTo(5);
            assertThat(d.testClasses()).containsExactlyInAnyOrder("app.ATest", "app.BTest");
        });
        assertThat(verdict.failureMessage()).startsWith(RuntimeVerdict.REFUSED_HEADLINE)
                .contains(PROD, "name: the name holds the forbidden token 'prod'", "app.ATest, app.BTest",
                        "5 connection(s) refused", "-Dtestguard.runtime=false")
                .doesNotContain(RuntimeVerdict.UNGUARDED_HEADLINE);
    }

    @Test
    void internalErrorsFailTheBuild() throws Exception {
        record(11, RuntimeRecord.armed(TOKEN, 11, "17"));
        record(11, RuntimeRecord.error(TOKEN, 11, "jdbc:h2:mem:x", "NoClassDefFoundError: Foo"));
        RuntimeVerdict verdict = check();
        assertThat(verdict.errors()).containsExactly("jdbc:h2:mem:x: NoClassDefFoundError: Foo");
        assertThat(verdict.failureMessage()).startsWith(RuntimeVerdict.REFUSED_HEADLINE)
                .contains("internal error of the guard");
    }

    @Test
    void aReportWithoutTheMarkerOrWithAnotherTokenRanUnguarded() throws Exception {
        report(surefire, "app.PlainTest", null);
        report(failsafe, "app.OtherBuildIT", "armed:someone-else");
        report(failsafe, "app.GoodIT", "armed:" + TOKEN);

        RuntimeVerdict verdict = check();

        assertThat(verdict.unguarded()).containsExactly("app.OtherBuildIT", "app.PlainTest");
        assertThat(verdict.failureMessage()).startsWith(RuntimeVerdict.UNGUARDED_HEADLINE)
                .contains("app.PlainTest", "@{argLine}");
    }

    @Test
    void reportsWrittenBeforeArmingAndRecordsOfOtherTokensAreIgnored() throws Exception {
        Path old = report(surefire, "app.OldTest", null);
        Files.setLastModifiedTime(old, FileTime.from(armedAt.minusSeconds(3600)));
        RuntimeRecords.append(RuntimeRecords.fileFor(records, "older", 9),
                RuntimeRecord.connection("older", 9, PROD, "db", "PROTECTED", "name", "prod", true, "X", 1));

        RuntimeVerdict verdict = check();

        assertThat(verdict.failed()).isFalse();
        assertThat(verdict.reports()).isZero();
        assertThat(verdict.databases()).isEmpty();
    }

    @Test
    void aTornReportCountsAsUnguarded() throws Exception {
        Files.writeString(surefire.resolve("TEST-app.TornTest.xml"), "<testsuite name=\"app.TornTest\"><proper");
        assertThat(check().unguarded()).containsExactly("app.TornTest");
    }

    @Test
    void bothFailuresAreReportedTogether() throws Exception {
        record(11, connection(11, PROD, "PROTECTED", true, null, 1));
        report(surefire, "app.PlainTest", null);
        String message = check().failureMessage();
        assertThat(message).startsWith(RuntimeVerdict.REFUSED_HEADLINE).contains(RuntimeVerdict.UNGUARDED_HEADLINE,
                "(unknown test class)");
    }
}
