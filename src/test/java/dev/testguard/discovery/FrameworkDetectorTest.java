package dev.testguard.discovery;

import dev.testguard.discovery.FrameworkDetector.Framework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FrameworkDetectorTest {

    @TempDir
    Path dir;

    @Test
    void dependenciesDecide() {
        ProjectTree tree = new ProjectTree(dir).dependencies("org.springframework.boot:spring-boot-test",
                "io.micronaut:micronaut-inject");
        tree.mainResource("application.properties", "quarkus.http.port=1\n");
        assertThat(new FrameworkDetector().detect(tree.layout()))
                .containsExactlyInAnyOrder(Framework.SPRING_BOOT, Framework.MICRONAUT);
    }

    @Test
    void keysDecideWhenNoDependencyDoes() {
        ProjectTree tree = new ProjectTree(dir);
        assertThat(new FrameworkDetector().detect(tree.layout())).isEmpty();
        tree.testResource("application-it.yml", "\"%test\":\n  x: 1\n");
        assertThat(new FrameworkDetector().detect(tree.layout())).containsExactly(Framework.QUARKUS);
        tree.mainResource("application.properties", "spring.datasource.url=jdbc:h2:mem:x\n");
        assertThat(new FrameworkDetector().detect(tree.layout()))
                .containsExactlyInAnyOrder(Framework.QUARKUS, Framework.SPRING_BOOT);
    }

    @Test
    void plainProjectStillReportsJdbcValuesWithTestShadowing() {
        ProjectTree tree = new ProjectTree(dir);
        tree.mainResource("application.properties", "db.url=jdbc:postgresql://localhost/shop\ndb.user=shop\n");
        tree.mainResource("application-extra.yml", "reports:\n  url: jdbc:postgresql://${REPORT_HOST}/rep\n");
        tree.testResource("application-extra.yml", "reports:\n  url: jdbc:h2:mem:rep\n");
        tree.mainResource("META-INF/persistence.xml", "<persistence><persistence-unit name=\"u\"><properties>"
                + "<property name=\"hibernate.connection.url\" value=\"jdbc:h2:mem:jpa\"/>"
                + "</properties></persistence-unit></persistence>");
        List<DiscoveredUrl> urls = ConfigFileSources.all().stream()
                .flatMap(s -> s.discover(tree.layout(), tree.runtime()).stream()).toList();
        assertThat(urls).extracting(DiscoveredUrl::key, DiscoveredUrl::url).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("reports.url", "jdbc:h2:mem:rep"),
                org.assertj.core.groups.Tuple.tuple("db.url", "jdbc:postgresql://localhost/shop"),
                org.assertj.core.groups.Tuple.tuple("hibernate.connection.url", "jdbc:h2:mem:jpa"));
        assertThat(urls).filteredOn(u -> u.key().equals("db.url")).singleElement()
                .satisfies(u -> assertThat(u.credentials().username()).isEqualTo("shop"));
    }

    @Test
    void allSourcesAreListed() {
        assertThat(ConfigFileSources.all()).hasSize(6);
    }
}
