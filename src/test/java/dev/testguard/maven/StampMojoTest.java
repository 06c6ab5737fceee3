package dev.testguard.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class StampMojoTest {

    private static StampMojo mojo(String url, String role) throws Exception {
        StampMojo mojo = new StampMojo();
        mojo.url = url;
        mojo.connectTimeout = 2000;
        Field field = StampMojo.class.getDeclaredField("role");
        field.setAccessible(true);
        field.set(mojo, role);
        return mojo;
    }

    @Test
    void missingUrlExplainsTheFlag() throws Exception {
        assertThatThrownBy(() -> mojo(null, "test").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dtestguard.url=");
        assertThatThrownBy(() -> mojo("  ", "test").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dtestguard.url=");
    }

    @Test
    void unknownRoleNamesTheChoices() throws Exception {
        assertThatThrownBy(() -> mojo("jdbc:postgresql://localhost/app_test", "production").execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("unknown role 'production': use test or protected");
    }
}
