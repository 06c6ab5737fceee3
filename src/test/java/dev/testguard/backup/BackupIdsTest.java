package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupIdsTest {

    @Test
    void idsSortByTimeAndCarryASafeName() throws Exception {
        String a = BackupIds.newId(Instant.parse("2026-11-24T00:30:15.123456Z"), "orders");
        String b = BackupIds.newId(Instant.parse("2026-11-24T00:30:15.124Z"), "a/../b c");
        assertThat(a).isEqualTo("20261124T003015.123Z-orders");
        assertThat(b).isEqualTo("20261124T003015.124Z-a____b_c");
        assertThat(a.compareTo(b)).isNegative();
        assertThat(BackupIds.instantOf(a)).isEqualTo(Instant.parse("2026-11-24T00:30:15.123Z"));
        assertThat(BackupIds.validateUserInput(a)).isEqualTo(a);
        assertThat(BackupIds.validateUserInput(null)).isEqualTo("latest");
        assertThat(BackupIds.validateUserInput("latest")).isEqualTo("latest");
    }

    @Test
    void rejectsPathTricksFromTheCommandLine() {
        for (String bad : new String[] {"../etc", "20261124T003015.123Z-orders/..", "20261124T003015.123Z-../x", "/tmp/x", "x"}) {
            assertThatThrownBy(() -> BackupIds.validateUserInput(bad)).isInstanceOf(BackupException.class)
                    .hasMessageContaining("is not a backup id").hasMessageContaining("testguard:backups");
        }
    }
}
