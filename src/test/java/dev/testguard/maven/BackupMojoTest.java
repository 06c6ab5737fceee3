package dev.testguard.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class BackupMojoTest {

    @Test
    void nothingToBackUpPassesAndSaysWhy() throws Exception {
        List<String> warnings = new ArrayList<>();
        BackupMojo mojo = new BackupMojo();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });

        mojo.execute();

        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("testguard: nothing to back up:")
                .contains("-Dtestguard.url=").contains("<protectedDatabases>"));
    }
}
