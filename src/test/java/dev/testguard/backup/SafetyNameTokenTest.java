package dev.testguard.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.db.MysqlAdmin;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafetyNameTokenTest {

    @Test
    void tokensTakenInOneBurstAreDistinct() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            tokens.add(ReplacingRestore.token());
        }
        assertThat(tokens).hasSize(2000);
    }

    @Test
    void aSafetyNameOfTheLongestDatabaseNameFitsBothServers() {
        String longest = "d".repeat(64);
        for (int i = 0; i < 200; i++) {
            String token = ReplacingRestore.token();
            assertThat(token).matches("[0-9a-z]+");
            assertThat(MysqlAdmin.shortened(longest, 40) + "_tgsafe_" + token).hasSizeLessThanOrEqualTo(63);
        }
    }
}
