package dev.testguard.runtime.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.runtime.RuntimeRecord;
import dev.testguard.runtime.RuntimeRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkRecordsTest {

    @TempDir
    Path dir;

    @Test
    void theBootstrapRecordsReadBackAsTheGuardsOwn() throws Exception {
        Path records = dir.resolve("not/yet");
        String token = "tok-1";
        ForkRecords.append(records.toString(), token, 42, ForkRecords.armedLine(token, 42, "17.0.1+\u0001x\"\\\n"));
        ForkRecords.append(records.toString(), token, 42, ForkRecords.errorLine(token, 42, "no \"guard\""));

        assertThat(records.resolve(ForkRecords.fileName(token, 42))).isEqualTo(RuntimeRecords.fileFor(records, token, 42));
        assertThat(Files.readAllLines(RuntimeRecords.fileFor(records, token, 42))).hasSize(2);
        List<RuntimeRecord> read = RuntimeRecords.read(records, token);
        assertThat(read).containsExactly(RuntimeRecord.armed(token, 42, "17.0.1+\u0001x\"\\\n"),
                RuntimeRecord.error(token, 42, null, "no \"guard\""));
    }

    @Test
    void thePidIsThisProcesss() {
        assertThat(Fork.currentPid()).isEqualTo(ProcessHandle.current().pid());
    }
}
