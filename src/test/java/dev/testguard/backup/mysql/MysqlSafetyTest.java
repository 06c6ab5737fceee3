package dev.testguard.backup.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.BackupEngine;
import dev.testguard.backup.BackupException;
import dev.testguard.backup.BackupOptions;
import dev.testguard.backup.tool.ExternalTool;
import dev.testguard.db.DatabaseTarget;
import dev.testguard.db.MysqlAdmin;
import dev.testguard.jdbc.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MysqlSafetyTest {

    private static final String PASSWORD = "S3cr3t-pw_" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    private MariaDbFixture fixture;
    private DatabaseTarget source;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new MariaDbFixture();
        source = fixture.newDatabase("safety");
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void nonInnodbTablesAreNamedInAWarningByBothEngines() throws Exception {
        MariaDbFixture.exec(source.databaseName(),
                "CREATE TABLE solid (id INT PRIMARY KEY) ENGINE=InnoDB",
                "CREATE TABLE legacy (id INT PRIMARY KEY) ENGINE=MyISAM",
                "CREATE TABLE crashsafe (id INT PRIMARY KEY) ENGINE=Aria",
                "INSERT INTO legacy VALUES (1), (2)");
        for (BackupEngine engine : List.of(new JdbcMysqlDumpEngine(), MysqlDumpEngine.onPath().orElseThrow())) {
            progress.clear();
            engine.backup(source, dir.resolve(engine.id() + ".sql"), BackupOptions.DEFAULTS, progress::add);
            assertThat(progress).as(engine.id()).filteredOn(l -> l.startsWith("WARNING"))
                    .singleElement().asString()
                    .contains("legacy (MyISAM)", "crashsafe (Aria)", "not InnoDB", "ENGINE=InnoDB")
                    .doesNotContain("solid");
        }
    }

    @Test
    void allInnodbGivesNoWarning() throws Exception {
        MariaDbFixture.exec(source.databaseName(), "CREATE TABLE safe (id INT PRIMARY KEY) ENGINE=InnoDB");
        new JdbcMysqlDumpEngine().backup(source, dir.resolve("d.sql"), BackupOptions.DEFAULTS, progress::add);
        assertThat(progress).noneMatch(l -> l.startsWith("WARNING"));
    }

    @Test
    void passwordNeverReachesArgvOutputOrPayload() throws Exception {
        String user = "tg_pw_" + Long.toHexString(System.nanoTime()).substring(0, 8);
        fixture.createUser(user, PASSWORD, source.databaseName());
        MariaDbFixture.exec(source.databaseName(), "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB",
                "INSERT INTO t VALUES (1, 'one')");
        DatabaseTarget asUser = new DatabaseTarget(source.url(), new Credentials(user, PASSWORD));

        // wrappers record the argument lists the tools really receive, then run them
        Path argsLog = dir.resolve("argv.log");
        Path dump = wrapper("mariadb-dump", argsLog);
        wrapper("mariadb", argsLog);
        MysqlDumpEngine tool = new MysqlDumpEngine(new ExternalTool(dump));
        Path toolPayload = dir.resolve("tool.sql");
        tool.backup(asUser, toolPayload, BackupOptions.DEFAULTS, progress::add);
        Path jdbcPayload = dir.resolve("jdbc.sql");
        new JdbcMysqlDumpEngine().backup(asUser, jdbcPayload, BackupOptions.DEFAULTS, progress::add);

        String name = fixture.reserveName("pwrestore");
        new MysqlAdmin(source).create(name);
        DatabaseTarget target = new DatabaseTarget(MysqlAdmin.withDatabase(source.url(), name), new Credentials(user, PASSWORD));
        MariaDbFixture.exec(null, "GRANT ALL ON `" + name + "`.* TO '" + user + "'@'%'",
                "GRANT ALL ON `" + name + "`.* TO '" + user + "'@'localhost'");
        tool.restore(toolPayload, target, BackupOptions.DEFAULTS, progress::add);

        String argv = Files.readString(argsLog);
        assertThat(argv).contains("--user=" + user, "--single-transaction", "--binary-mode").doesNotContain(PASSWORD);
        assertThat(String.join("\n", progress)).doesNotContain(PASSWORD);
        assertThat(Files.readString(toolPayload)).doesNotContain(PASSWORD);
        assertThat(Files.readString(jdbcPayload)).doesNotContain(PASSWORD);
        assertThat(new MysqlAdmin(target).exactRowCounts(name)).containsEntry("t", 1L);
    }

    @Test
    void wrongPasswordFailsWithAMessageThatHidesIt() throws Exception {
        DatabaseTarget bad = new DatabaseTarget(source.url(), new Credentials("root", PASSWORD));
        for (BackupEngine engine : List.of(new JdbcMysqlDumpEngine(), MysqlDumpEngine.onPath().orElseThrow())) {
            Path payload = dir.resolve(engine.id() + ".sql");
            assertThatThrownBy(() -> engine.backup(bad, payload, BackupOptions.DEFAULTS, progress::add))
                    .isInstanceOf(BackupException.class)
                    .hasMessageContaining(source.databaseName())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
            assertThat(payload).doesNotExist();
        }
        assertThat(String.join("\n", progress)).doesNotContain(PASSWORD);
    }

    @Test
    void failedRestoreSaysWhatToDo() throws Exception {
        Path payload = dir.resolve("broken.sql");
        Files.writeString(payload, "CREATE TABLE ok (id INT);\nTHIS IS NOT SQL;\n");
        assertThatThrownBy(() -> new JdbcMysqlDumpEngine().restore(payload, source, BackupOptions.DEFAULTS, progress::add))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("statement 2")
                .hasMessageContaining("THIS IS NOT SQL")
                .hasMessageContaining("drop it and restore again");
        assertThatThrownBy(() -> MysqlDumpEngine.onPath().orElseThrow().restore(payload, fixture.newDatabase("broken"),
                BackupOptions.DEFAULTS, progress::add))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("drop it and restore again");
    }

    @Test
    void existingPayloadIsNeverOverwritten() throws Exception {
        Path payload = Files.writeString(dir.resolve("exists.sql"), "keep me");
        assertThatThrownBy(() -> new JdbcMysqlDumpEngine().backup(source, payload, BackupOptions.DEFAULTS, progress::add))
                .isInstanceOf(BackupException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(payload)).isEqualTo("keep me");
    }

    private Path wrapper(String name, Path argsLog) throws Exception {
        Path real = ExternalTool.find(name).orElseThrow().executable();
        Path script = dir.resolve("bin").resolve(name);
        Files.createDirectories(script.getParent());
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + argsLog + "'\nexec '" + real + "' \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
