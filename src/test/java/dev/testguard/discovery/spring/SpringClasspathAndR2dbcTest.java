package dev.testguard.discovery.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.testguard.discovery.DiscoveredUrl;
import dev.testguard.discovery.ProjectTree;
import dev.testguard.jdbc.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringClasspathAndR2dbcTest {

    @TempDir
    Path dir;

    private static Path jar(Path file, String entry, String content) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry(entry));
            jar.write(content.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }

    @Test
    void r2dbcUrlIsJudgedAsItsJdbcTargetWithItsCredentials() {
        ProjectTree tree = new ProjectTree(dir.resolve("app")).dependencies("org.springframework.boot:spring-boot-starter-data-r2dbc");
        tree.mainResource("application.properties", """
                spring.r2dbc.url=r2dbc:pool:postgresql://localhost:5432/shop
                spring.r2dbc.username=app
                spring.r2dbc.password=pw
                """);
        assertThat(tree.discover(new SpringBootSource())).singleElement().satisfies(u -> {
            assertThat(u.key()).isEqualTo("spring.r2dbc.url");
            assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
            assertThat(u.credentials()).isEqualTo(new Credentials("app", "pw"));
            assertThat(u.provenance().location()).isEqualTo("src/main/resources/application.properties:1");
        });
    }

    @Test
    void profileFileFromADependencyJarIsRead() throws IOException {
        Path lib = jar(dir.resolve("repo/db-config-1.0.jar"), "application-db.yml", """
                spring:
                  datasource:
                    url: jdbc:postgresql://localhost:5432/shop
                """);
        ProjectTree tree = new ProjectTree(dir.resolve("app")).dependencies("org.springframework.boot:spring-boot-starter-test")
                .classpath(lib);
        tree.testResource("application.properties", "spring.profiles.active=db\n");
        List<DiscoveredUrl> urls = tree.discover(new SpringBootSource());
        assertThat(urls).singleElement().satisfies(u -> {
            assertThat(u.url()).isEqualTo("jdbc:postgresql://localhost:5432/shop");
            assertThat(u.provenance().location()).endsWith("repo/db-config-1.0.jar!/application-db.yml:3");
            assertThat(u.provenance().howToChange()).contains("src/test/resources/application-db.yml");
        });
    }

    @Test
    void classpathOrderDecidesWhichFileWins() throws IOException {
        Path sibling = dir.resolve("db-config/target/classes");
        Files.createDirectories(sibling);
        Files.writeString(sibling.resolve("application-db.properties"), "spring.datasource.url=jdbc:mysql://localhost/first_test\n");
        Path later = jar(dir.resolve("repo/other.jar"), "application-db.properties",
                "spring.datasource.url=jdbc:mysql://localhost/second\n");
        ProjectTree tree = new ProjectTree(dir.resolve("app")).dependencies("org.springframework.boot:spring-boot-starter-test")
                .classpath(sibling, later);
        tree.mainResource("application.properties", "spring.profiles.active=db\n");
        assertThat(tree.discover(new SpringBootSource())).extracting(DiscoveredUrl::url)
                .containsExactly("jdbc:mysql://localhost/first_test");
        tree.testResource("application-db.properties", "spring.datasource.url=jdbc:h2:mem:own\n");
        assertThat(tree.discover(new SpringBootSource())).extracting(DiscoveredUrl::url).containsExactly("jdbc:h2:mem:own");
    }
}
