package org.springframework.samples.petclinic;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.ActiveProfiles;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** As in spring-petclinic: the container replaces the mysql profile's datasource; needs Docker (TG_IT_DOCKER=true). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("mysql")
@Testcontainers(disabledWithoutDocker = true)
@EnabledIfEnvironmentVariable(named = "TG_IT_DOCKER", matches = "true")
class MySqlIntegrationTests {

    @ServiceConnection
    @Container
    static MySQLContainer<?> container = new MySQLContainer<>(DockerImageName.parse("mysql:9.2"));

    @Autowired
    DataSource dataSource;

    @Test
    void usesTheContainer() {
        assertThat(dataSource).isNotNull();
    }
}
