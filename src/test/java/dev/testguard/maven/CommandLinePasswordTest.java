package dev.testguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CommandLinePasswordTest {

    private static Properties props(String value) {
        Properties p = new Properties();
        if (value != null) {
            p.setProperty("testguard.password", value);
        }
        return p;
    }

    @Test
    void userPropertyFirstThenSystemPropertyThenEnvironment() {
        Map<String, String> env = Map.of("TESTGUARD_PASSWORD", "from-env");
        assertThat(CommandLinePassword.of(props("from-cli"), props("from-sys"), env)).isEqualTo("from-cli");
        assertThat(CommandLinePassword.of(props(null), props("from-sys"), env)).isEqualTo("from-sys");
        assertThat(CommandLinePassword.of(props(""), props(null), env)).isEqualTo("from-env");
        assertThat(CommandLinePassword.of(null, null, env)).isEqualTo("from-env");
    }

    @Test
    void noneGivenIsNull() {
        assertThat(CommandLinePassword.of(props(null), props(null), Map.of())).isNull();
        assertThat(CommandLinePassword.of(null, null, null)).isNull();
    }

    @Test
    void aUrlIsReadFromTheUserPropertiesThenTheSystemProperties() {
        Properties user = new Properties();
        Properties system = new Properties();
        system.setProperty("testguard.url", " jdbc:postgresql://localhost/sys_test ");
        assertThat(CommandLinePassword.value(user, system, "testguard.url")).isEqualTo("jdbc:postgresql://localhost/sys_test");
        user.setProperty("testguard.url", "jdbc:postgresql://localhost/cli_test?password=x");
        assertThat(CommandLinePassword.value(user, system, "testguard.url")).isEqualTo("jdbc:postgresql://localhost/cli_test?password=x");
        user.setProperty("testguard.url", "  ");
        system.clear();
        assertThat(CommandLinePassword.value(user, system, "testguard.url")).isNull();
        assertThat(CommandLinePassword.value(null, null, "testguard.url")).isNull();
    }
}
