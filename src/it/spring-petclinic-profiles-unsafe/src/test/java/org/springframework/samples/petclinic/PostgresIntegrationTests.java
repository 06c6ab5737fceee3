package org.springframework.samples.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** As in spring-petclinic: Docker Compose supplies the database; needs Docker, so it runs only with TG_IT_DOCKER=true. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.docker.compose.skip.in-tests=false",
        "spring.docker.compose.start.arguments=--force-recreate,--renew-anon-volumes,postgres" })
@ActiveProfiles("postgres")
@EnabledIfEnvironmentVariable(named = "TG_IT_DOCKER", matches = "true")
class PostgresIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void usesTheComposeDatabase() {
        assertThat(dataSource).isNotNull();
    }
}
