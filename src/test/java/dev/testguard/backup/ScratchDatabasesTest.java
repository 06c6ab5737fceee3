package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.db.DatabaseAdmin;
import dev.testguard.db.DatabaseAdmins;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.jdbc.Credentials;
import dev.testguard.jdbc.JdbcUrlParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Scratch databases of killed builds are dropped by the next run; those of live runs and other hosts are not. */
class ScratchDatabasesTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void dropsOnlyTheScratchDatabasesOfDeadProcessesOnThisHost(String vendor) throws Exception {
        DatabaseTarget server = vendor.equals("postgresql")
                ? new DatabaseTarget(JdbcUrlParser.parse("jdbc:postgresql://localhost:5432/postgres"), new Credentials("postgres", null))
                : new DatabaseTarget(JdbcUrlParser.parse("jdbc:mariadb://localhost:3306/"), new Credentials("root", ""));
        DatabaseAdmin admin = DatabaseAdmins.forTarget(server);
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        String host = ScratchDatabases.hostHash();
        String start = Long.toHexString(finished.info().startInstant().map(i -> i.getEpochSecond()).orElse(1L));
        String ofDeadRun = ScratchDatabases.PREFIX + host + "_" + finished.pid() + "_" + start + "_aaaaaa";
        String ofThisRun = ScratchDatabases.newName();
        long self = ProcessHandle.current().pid();
        String ofReusedPid = ScratchDatabases.PREFIX + host + "_" + self + "_1_bbbbbb";
        String ofOtherHost = ScratchDatabases.PREFIX + (host.equals("00000000") ? "11111111" : "00000000") + "_" + finished.pid()
                + "_" + start + "_cccccc";
        String oldStyle = ScratchDatabases.PREFIX + "0123abcd";
        List<String> all = List.of(ofDeadRun, ofThisRun, ofReusedPid, ofOtherHost, oldStyle);
        try {
            for (String name : all) {
                admin.create(name);
            }

            List<String> dropped = ScratchDatabases.dropLeftovers(admin);

            assertThat(dropped).contains(ofDeadRun, ofReusedPid).doesNotContain(ofThisRun, ofOtherHost, oldStyle);
            assertThat(admin.exists(ofDeadRun)).isFalse();
            assertThat(admin.exists(ofReusedPid)).as("same pid, another start time: its maker is gone").isFalse();
            List<String> left = new ArrayList<>(List.of(ofThisRun, ofOtherHost, oldStyle));
            for (String name : left) {
                assertThat(admin.exists(name)).as(name).isTrue();
            }
            assertThat(ofThisRun).hasSizeLessThan(63).matches("tg_verify_[0-9a-f]{8}_\\d+_[0-9a-f]+_[0-9a-f]{6}");
        } finally {
            for (String name : all) {
                admin.drop(name);
            }
        }
    }
}
