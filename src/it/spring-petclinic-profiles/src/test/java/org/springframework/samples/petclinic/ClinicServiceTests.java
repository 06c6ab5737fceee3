package org.springframework.samples.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A slice test: @JdbcTest replaces the datasource with an embedded H2 database (no Docker needed, it really runs). */
@JdbcTest
class ClinicServiceTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void runsOnTheEmbeddedDatabase() {
        String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
        assertThat(url).startsWith("jdbc:h2:mem:");
    }
}
