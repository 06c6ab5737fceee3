package dev.testguard.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real git repositories in a temporary directory. */
class HookInstallerTest {

    @TempDir
    Path dir;

    private static final HookCommand COMMAND = HookCommand.of("mvn", "dev.testguard", "testguard-maven-plugin", "1.0", "");

    @Test
    void installs_into_the_git_root_from_a_module_and_names_the_module_directory() throws Exception {
        git(dir, "init", "-q");
        Path module = Files.createDirectories(dir.resolve("services/orders"));
        HookInstaller installer = new HookInstaller(Git.at(module));

        String relative = installer.relativeToRoot(module);
        installer.install(HookCommand.of("mvn", "g", "a", "1", relative));

        Path hook = dir.resolve(".git/hooks/pre-commit");
        assertThat(relative).isEqualTo("services/orders");
        assertThat(installer.hookFile()).isEqualTo(hook.toRealPath());
        assertThat(Files.readString(hook)).contains("cd \"$tg_tmp/services/orders\"");
        assertThat(Files.isExecutable(hook)).isTrue();
    }

    @Test
    void honours_core_hooks_path_and_keeps_the_hook_already_there() throws Exception {
        git(dir, "init", "-q");
        git(dir, "config", "core.hooksPath", ".githooks");
        Path hook = Files.createDirectories(dir.resolve(".githooks")).resolve("pre-commit");
        Files.writeString(hook, "#!/bin/sh\n./gradlew spotlessCheck\n");
        HookInstaller installer = new HookInstaller(Git.at(dir));

        String said = installer.install(COMMAND);

        assertThat(said).contains("added a testguard block to the existing");
        assertThat(Files.readString(hook)).contains(HookBlock.BEGIN).endsWith("./gradlew spotlessCheck\n");
        assertThat(dir.resolve(".git/hooks/pre-commit")).doesNotExist();

        assertThat(installer.uninstall()).contains("removed the testguard block");
        assertThat(Files.readString(hook)).isEqualTo("#!/bin/sh\n./gradlew spotlessCheck\n");
    }

    @Test
    void uninstall_deletes_a_hook_that_held_only_our_block_and_is_idempotent() throws Exception {
        git(dir, "init", "-q");
        HookInstaller installer = new HookInstaller(Git.at(dir));
        installer.install(COMMAND);

        assertThat(installer.uninstall()).startsWith("removed ");
        assertThat(dir.resolve(".git/hooks/pre-commit")).doesNotExist();
        assertThat(installer.uninstall()).contains("nothing to remove");
    }

    @Test
    void outside_a_repository_it_says_so() {
        assertThatThrownBy(() -> new HookInstaller(Git.at(dir)).install(COMMAND))
                .isInstanceOf(HookException.class).hasMessageContaining("not inside a git work tree");
    }

    static String git(Path in, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
