package dev.testguard.discovery.jpa;

import dev.testguard.discovery.ConfigFileException;
import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectTree;
import dev.testguard.discovery.Provenance;
import dev.testguard.jdbc.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JpaSourcesTest {

    @TempDir
    Path dir;
    private ProjectTree tree;

    @BeforeEach
    void project() {
        tree = new ProjectTree(dir);
    }

    @Test
    void jakartaAndJavaxPersistenceXmlWithLines() {
        tree.mainResource("META-INF/persistence.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="shop">
                    <properties>
                      <property name="jakarta.persistence.jdbc.url"
                                value="jdbc:postgresql://localhost/shop"/>
                      <property name="jakarta.persistence.jdbc.user" value="shop"/>
                      <property name="jakarta.persistence.jdbc.password" value="pw"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """);
        tree.testResource("META-INF/persistence.xml", """
                <persistence xmlns="http://xmlns.jcp.org/xml/ns/persistence" version="2.2">
                  <persistence-unit name="legacy">
                    <properties>
                      <property name="javax.persistence.jdbc.url" value="jdbc:h2:mem:${db.name}"/>
                      <property name="hibernate.connection.url" value="jdbc:h2:mem:hib"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """);
        tree.sysprop("db.name", "legacy_test");
        List<DiscoveredUrl> urls = new PersistenceXmlSource().discover(tree.layout(), tree.runtime());
        assertThat(urls).extracting(DiscoveredUrl::key, DiscoveredUrl::url, u -> u.provenance().location())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("javax.persistence.jdbc.url", "jdbc:h2:mem:legacy_test",
                                "src/test/resources/META-INF/persistence.xml:4"),
                        org.assertj.core.groups.Tuple.tuple("hibernate.connection.url", "jdbc:h2:mem:hib",
                                "src/test/resources/META-INF/persistence.xml:5"),
                        org.assertj.core.groups.Tuple.tuple("jakarta.persistence.jdbc.url",
                                "jdbc:postgresql://localhost/shop", "src/main/resources/META-INF/persistence.xml:6"));
        assertThat(urls.get(2).credentials()).isEqualTo(new Credentials("shop", "pw"));
    }

    @Test
    void systemPropertyWithSameKeyIsReportedToo() {
        tree.mainResource("META-INF/persistence.xml", "<persistence><persistence-unit name=\"u\"><properties>"
                + "<property name=\"jakarta.persistence.jdbc.url\" value=\"jdbc:h2:mem:x\"/>"
                + "</properties></persistence-unit></persistence>");
        tree.sysprop("jakarta.persistence.jdbc.url", "jdbc:postgresql://localhost/override");
        List<DiscoveredUrl> urls = new PersistenceXmlSource().discover(tree.layout(), tree.runtime());
        assertThat(urls).extracting(DiscoveredUrl::url)
                .containsExactly("jdbc:h2:mem:x", "jdbc:postgresql://localhost/override");
        assertThat(urls.get(1).provenance().kind()).isEqualTo(Provenance.Kind.COMMAND_LINE);
    }

    @Test
    void brokenXmlNamesFileAndLine() {
        tree.mainResource("META-INF/persistence.xml", "<persistence>\n<persistence-unit name=\"u\">\n<oops\n</persistence>");
        assertThatThrownBy(() -> new PersistenceXmlSource().discover(tree.layout(), tree.runtime()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("persistence.xml:")
                .hasMessageContaining("broken XML");
    }

    @Test
    void hibernatePropertiesTestShadowsMainAndSystemPropertyWins() {
        tree.mainResource("hibernate.properties", "hibernate.connection.url=jdbc:postgresql://localhost/shop\n");
        HibernatePropertiesSource source = new HibernatePropertiesSource();
        assertThat(source.discover(tree.layout(), tree.runtime())).singleElement().satisfies(u ->
                assertThat(u.provenance().howToChange()).startsWith("add src/test/resources/hibernate.properties"));
        tree.testResource("hibernate.properties", "# test db\nhibernate.connection.url=jdbc:h2:mem:t\n"
                + "hibernate.connection.username=sa\n");
        assertThat(source.discover(tree.layout(), tree.runtime())).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:h2:mem:t");
            assertThat(u.provenance().location()).isEqualTo("src/test/resources/hibernate.properties:2");
            assertThat(u.credentials().username()).isEqualTo("sa");
        });
        tree.sysprop("hibernate.connection.url", "jdbc:postgresql://localhost/sys");
        assertThat(source.discover(tree.layout(), tree.runtime())).extracting(DiscoveredUrl::url)
                .containsExactly("jdbc:postgresql://localhost/sys");
    }
}
