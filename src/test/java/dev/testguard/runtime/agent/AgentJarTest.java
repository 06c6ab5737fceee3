package dev.testguard.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarTest {

    @TempDir
    Path dir;

    @Test
    void writesTheBootstrapClassesWithAPremainManifest() throws Exception {
        Path jar = AgentJar.write(dir.resolve("agent"));

        assertThat(jar).isEqualTo(dir.resolve("agent").resolve("testguard-agent.jar")).isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertThat(main.getValue("Premain-Class")).isEqualTo("dev.testguard.runtime.agent.bootstrap.TestguardAgent");
            assertThat(main.getValue("Boot-Class-Path")).isEqualTo("testguard-agent.jar");
            assertThat(main.getValue("Can-Retransform-Classes")).isEqualTo("true");
            List<String> classes = new ArrayList<>();
            for (JarEntry e : (Iterable<JarEntry>) file.stream()::iterator) {
                if (!e.getName().startsWith("META-INF/")) {
                    classes.add(e.getName());
                }
            }
            assertThat(classes).allMatch(n -> n.startsWith("dev/testguard/runtime/agent/bootstrap/") && n.endsWith(".class"))
                    .contains("dev/testguard/runtime/agent/bootstrap/TestguardAgent.class",
                            "dev/testguard/runtime/agent/bootstrap/Bridge.class",
                            "dev/testguard/runtime/agent/bootstrap/ConnectionHooks.class",
                            "dev/testguard/runtime/agent/bootstrap/IsolatedGuardLoader.class");
        }
    }

    @Test
    void bootstrapClassesUseJavaBaseOnly() throws Exception {
        // the bootstrap loader cannot see java.sql (platform loader) nor anything of the plugin
        for (var c : AgentJar.bootstrapClasses().entrySet()) {
            String text = new String(c.getValue(), StandardCharsets.ISO_8859_1);
            assertThat(text).as(c.getKey()).doesNotContain("java/sql/").doesNotContain("dev/testguard/runtime/AgentOptions")
                    .doesNotContain("dev/testguard/policy/").doesNotContain("com/fasterxml/");
        }
    }

    @Test
    void anUnchangedJarIsNotRewritten() throws Exception {
        Path jar = AgentJar.write(dir);
        FileTime old = FileTime.fromMillis(1_000_000_000L);
        Files.setLastModifiedTime(jar, old);
        byte[] before = Files.readAllBytes(jar);

        AgentJar.write(dir);

        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(old);
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(jar);
        }
    }
}
