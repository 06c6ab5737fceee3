package dev.testguard.runtime.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class R2dbcJdbcTest {

    @Test
    void jdbcPlaceholdersBecomeNumberedOnesOutsideQuotedText() {
        assertThat(R2dbcJdbc.dollarPlaceholders("SELECT coalesce(?, current_database()), '?', \"a?\" WHERE x = ?"))
                .isEqualTo("SELECT coalesce($1, current_database()), '?', \"a?\" WHERE x = $2");
        assertThat(R2dbcJdbc.dollarPlaceholders("SELECT 'it''s ?' , ?")).isEqualTo("SELECT 'it''s ?' , $1");
    }
}
