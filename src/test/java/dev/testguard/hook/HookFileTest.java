package dev.testguard.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HookFileTest {

    private static final List<String> BLOCK = HookBlock.lines(HookCommand.of("/opt/maven/bin/mvn", "dev.testguard",
            "testguard-maven-plugin", "1.2.3", "app"));

    @Test
    void a_new_hook_is_a_shell_script_holding_only_the_block() throws HookException {
        String hook = HookFile.install(Optional.empty(), BLOCK);

        assertThat(hook).startsWith("#!/bin/sh\n" + HookBlock.BEGIN + "\n").endsWith(HookBlock.END + "\n");
        assertThat(hook).contains("git checkout-index --all --prefix=\"$tg_tmp/\"")
                .contains("cd \"$tg_tmp/app\"")
                .contains("-o -q -B -Dtestguard.offline=true -Dtestguard.checkOnly=true"
                        + " 'dev.testguard:testguard-maven-plugin:1.2.3:verify'")
                .contains("tg_mvn=${TESTGUARD_MVN:-'/opt/maven/bin/mvn'}")
                .contains("MAVEN_OPTS=\"-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData $tg_cds $MAVEN_OPTS\"")
                .contains("grep -Ev '\\.(md|adoc|png|jpe?g|gif|svg|css|js|ts)$' | grep -Ev '(^|/)src/main/[^/]+/.*\\.(java|kt|groovy|scala)$'")
                .contains("/testguard-cache/dev.testguard_testguard-maven-plugin_1.2.3-$tg_key.jsa")
                .contains("exit 1");
    }

    @Test
    void an_existing_hook_keeps_every_line_and_gets_the_block_right_after_its_shebang() throws HookException {
        String existing = "#!/bin/bash\nnpm run lint\nexit 0\n";

        String hook = HookFile.install(Optional.of(existing), BLOCK);

        assertThat(hook).startsWith("#!/bin/bash\n" + HookBlock.BEGIN + "\n");
        assertThat(hook).endsWith(HookBlock.END + "\nnpm run lint\nexit 0\n");
    }

    @Test
    void installing_twice_replaces_the_block_instead_of_adding_a_second_one() throws HookException {
        String once = HookFile.install(Optional.of("#!/bin/sh\necho mine\n"), BLOCK);
        List<String> newer = HookBlock.lines(HookCommand.of("mvn", "dev.testguard", "testguard-maven-plugin", "2.0", ""));

        String twice = HookFile.install(Optional.of(once), newer);

        assertThat(twice.split(java.util.regex.Pattern.quote(HookBlock.BEGIN), -1)).hasSize(2);
        assertThat(twice).contains(":2.0:verify").doesNotContain(":1.2.3:verify").contains("cd \"$tg_tmp\" &&")
                .endsWith("echo mine\n");
    }

    @Test
    void uninstall_removes_only_the_block() throws HookException {
        String hook = HookFile.install(Optional.of("#!/bin/sh\necho mine\n"), BLOCK);

        assertThat(HookFile.uninstall(hook)).contains("#!/bin/sh\necho mine\n");
    }

    @Test
    void uninstall_of_a_hook_holding_only_the_block_leaves_nothing() throws HookException {
        assertThat(HookFile.uninstall(HookFile.install(Optional.empty(), BLOCK))).isEmpty();
    }

    @Test
    void a_hook_in_another_language_is_left_alone() {
        assertThatThrownBy(() -> HookFile.install(Optional.of("#!/usr/bin/env python3\nprint('hi')\n"), BLOCK))
                .isInstanceOf(HookException.class).hasMessageContaining("not a shell script");
        assertThatThrownBy(() -> HookFile.install(Optional.of("echo no shebang\n"), BLOCK))
                .isInstanceOf(HookException.class).hasMessageContaining("no #! line");
    }

    @Test
    void a_block_without_its_end_marker_is_not_guessed_at() {
        assertThatThrownBy(() -> HookFile.uninstall("#!/bin/sh\n" + HookBlock.BEGIN + "\necho half\n"))
                .isInstanceOf(HookException.class).hasMessageContaining("without its end marker");
    }

    @Test
    void quotes_never_reach_the_script() {
        assertThatThrownBy(() -> HookCommand.of("mvn", "g", "a", "1", "it's"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
