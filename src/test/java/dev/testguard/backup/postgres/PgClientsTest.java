package dev.testguard.backup.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.testguard.backup.tool.ExternalTool;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PgClientsTest {

    @Test
    void readsTheInstalledPgDumpVersion() throws Exception {
        assertThat(PgClients.version(PgClients.pgDump(null))).matches("15\\.\\d+");
        assertThat(PgClients.pgRestore(PgClients.pgDump(null).executable()).executable().getFileName().toString()).isEqualTo("pg_restore");
    }

    @Test
    void olderPgDumpThanServerIsRefusedWithTheFix() {
        ExternalTool old = new ExternalTool(Path.of("/usr/lib/postgresql/14/bin/pg_dump"));
        assertThatThrownBy(() -> PgClients.checkCanDump(old, "14.9", 160002, "jdbc:postgresql://localhost/orders"))
                .hasMessageContaining("must be version 16 or newer").hasMessageContaining("-Dtestguard.pgDumpPath=");
        assertThatCode(() -> PgClients.checkCanDump(old, "16.1", 160002, "x")).doesNotThrowAnyException();
        assertThatCode(() -> PgClients.checkCanDump(old, "10.1", 90624, "x")).doesNotThrowAnyException();
    }

    @Test
    void missingExplicitToolSaysWhere() {
        assertThatThrownBy(() -> PgClients.pgDump(Path.of("/nonexistent/pg_dump")))
                .hasMessageContaining("/nonexistent/pg_dump").hasMessageContaining("-Dtestguard.pgDumpPath");
    }
}
