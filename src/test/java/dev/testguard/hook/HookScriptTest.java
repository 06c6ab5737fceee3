package dev.testguard.hook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed hook's shell logic, through real {@code git commit}s in a temporary repository. The Maven it runs is a
 * stand-in script that records where and how it was called and refuses when the staged configuration names a
 * {@code prod} database; the install-hook IT runs the same hook with the real Maven and plugin.
 */
class HookScriptTest {

    @TempDir
    Path dir;

    private Path calls;
    private Path javaHome;
    private HookInstaller installer;

    @BeforeEach
    void repository() throws Exception {
        calls = dir.resolve("calls.txt");
        Path mvn = dir.resolve("fake-mvn");
        Files.writeString(mvn, String.join("\n", "#!/bin/sh",
                "{ echo \"cwd=$PWD\"; echo \"opts=$MAVEN_OPTS\"; echo \"args=$*\"; echo ---; } >> '" + calls + "'",
                "for o in $MAVEN_OPTS; do case \"$o\" in -XX:ArchiveClassesAtExit=*) echo archive > \"${o#*=}\" ;; esac; done",
                "if grep -q prod src/test/resources/application.properties; then echo 'PROTECTED orders_prod'; exit 1; fi",
                "exit 0", ""));
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git("init", "-q");
        git("config", "user.email", "t@testguard.dev");
        git("config", "user.name", "test");
        git("config", "commit.gpgsign", "false");
        write("pom.xml", "<project/>\n");
        write("src/test/resources/application.properties", "url=jdbc:h2:mem:orders_test\n");
        git("add", "-A");
        git("commit", "-q", "-m", "first");
        installer = new HookInstaller(Git.at(repo));
        installer.install(HookCommand.of(mvn.toString(), "dev.testguard", "testguard-maven-plugin", "1.0", ""));
    }

    @Test
    void docs_and_main_sources_alone_skip_the_check_but_a_test_class_runs_it() throws Exception {
        write("README.md", "# notes\n");
        write("src/main/java/app/App.java", "class App {}\n");
        assertThat(commit("docs and code").exit()).isZero();
        assertThat(calls).doesNotExist();

        write("src/test/java/app/AppTest.java", "@TestPropertySource(properties = \"a=b\") class AppTest {}\n");
        assertThat(commit("a test class").exit()).isZero();
        assertThat(Files.readString(calls)).contains("-Dtestguard.checkOnly=true", "-Dtestguard.offline=true")
                .contains("args=-o -q -B ").contains("dev.testguard:testguard-maven-plugin:1.0:verify")
                .containsPattern("cwd=.*/\\.git/testguard-staged\\.");
    }

    @Test
    void the_staged_content_is_judged_and_a_refusal_refuses_the_commit() throws Exception {
        write("src/test/resources/application.properties", "url=jdbc:postgresql://localhost/orders_prod\n");
        Result refused = commit("prod");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.output()).contains("PROTECTED orders_prod", "testguard: commit refused");
        assertThat(git("log", "--oneline").lines()).hasSize(1);

        write("src/test/resources/application.properties", "url=jdbc:h2:mem:orders_v2_test\n");
        git("add", "-A");
        Files.writeString(dir.resolve("repo/src/test/resources/application.properties"), "url=jdbc:h2:mem:prod\n");
        assertThat(run("git", "commit", "-q", "-m", "staged safe, work tree unsafe").exit()).isZero();
        assertThat(git("show", "HEAD:src/test/resources/application.properties")).contains("orders_v2_test");
        try (Stream<Path> left = Files.list(dir.resolve("repo/.git"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("testguard-staged"));
        }
    }

    @Test
    void the_first_check_writes_the_class_cache_the_next_ones_use_it_and_uninstall_removes_it() throws Exception {
        write("pom.xml", "<project><!-- 1 --></project>\n");
        assertThat(commit("one").exit()).isZero();
        Path cache = dir.resolve("repo/.git/" + HookBlock.CACHE_DIRECTORY);
        List<Path> archives;
        try (Stream<Path> files = Files.list(cache)) {
            archives = files.toList();
        }
        assertThat(archives).singleElement().satisfies(a -> assertThat(a.toString()).endsWith(".jsa"));
        assertThat(Files.readString(calls)).contains("-XX:ArchiveClassesAtExit=" + archives.get(0) + ".")
                .doesNotContain("SharedArchiveFile");

        write("pom.xml", "<project><!-- 2 --></project>\n");
        assertThat(commit("two").exit()).isZero();
        assertThat(Files.readString(calls).split("---")[1]).contains("-XX:SharedArchiveFile=" + archives.get(0))
                .doesNotContain("ArchiveClassesAtExit").contains("-Xlog:cds=off");

        assertThat(installer.uninstall()).contains("removed the hook's class-data cache");
        assertThat(cache).doesNotExist();
    }

    @Test
    void a_jdk_update_rewriting_the_jdks_own_archive_makes_the_next_check_write_a_new_class_cache() throws Exception {
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.createDirectories(jdk.resolve("lib/server"));
        Files.writeString(jdk.resolve("lib/server/classes.jsa"), "the JDK's archive\n");
        javaHome = jdk;
        write("pom.xml", "<project><!-- 1 --></project>\n");
        assertThat(commit("one").exit()).isZero();
        write("pom.xml", "<project><!-- 2 --></project>\n");
        assertThat(commit("two").exit()).isZero();
        assertThat(Files.readString(calls).split("---")[1]).contains("-XX:SharedArchiveFile=");

        Files.writeString(jdk.resolve("lib/server/classes.jsa"), "the updated JDK's archive, dumped again\n");
        write("pom.xml", "<project><!-- 3 --></project>\n");
        assertThat(commit("three").exit()).isZero();
        assertThat(Files.readString(calls).split("---")[2]).contains("-XX:ArchiveClassesAtExit=")
                .doesNotContain("SharedArchiveFile");
        try (Stream<Path> files = Files.list(dir.resolve("repo/.git/" + HookBlock.CACHE_DIRECTORY))) {
            assertThat(files.filter(f -> f.toString().endsWith(".jsa"))).hasSize(2);
        }
    }

    private record Result(int exit, String output) {
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve("repo").resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private Result commit(String message) throws Exception {
        git("add", "-A");
        return run("git", "commit", "-q", "-m", message);
    }

    private String git(String... args) throws Exception {
        String[] command = Stream.concat(Stream.of("git"), Stream.of(args)).toArray(String[]::new);
        Result r = run(command);
        assertThat(r.exit()).as(r.output()).isZero();
        return r.output();
    }

    private Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.resolve("repo").toFile()).redirectErrorStream(true);
        pb.environment().remove("TESTGUARD_MVN");
        if (javaHome != null) {
            pb.environment().put("JAVA_HOME", javaHome.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
