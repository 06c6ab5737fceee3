package dev.testguard.runtime.agent;

import dev.testguard.runtime.agent.bootstrap.TestguardAgent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes the tiny agent jar the test JVM gets with {@code -agentlib:instrument} (or {@code -javaagent}): the classes
 * of the bootstrap package (JDK-only), a manifest naming {@link TestguardAgent} as {@code Premain-Class}, and itself
 * as its {@code Boot-Class-Path} so that {@code Bridge} is loaded by the bootstrap loader and visible to every driver.
 * The jar is rewritten only when its bytes change (entries carry a fixed time), so modules and forks that read it
 * meanwhile are not disturbed.
 */
public final class AgentJar {

    public static final String FILE_NAME = "testguard-agent.jar";
    static final String PACKAGE = TestguardAgent.class.getPackageName().replace('.', '/') + "/";
    private static final long ENTRY_TIME = 1_764_547_200_000L; // 2025-12-01T00:00:00Z

    private AgentJar() {
    }

    /** Writes (or keeps, when identical) {@value #FILE_NAME} in {@code agentDirectory}; returns its path. */
    public static Path write(Path agentDirectory) throws IOException {
        byte[] bytes = jarBytes(bootstrapClasses());
        Files.createDirectories(agentDirectory);
        Path jar = agentDirectory.resolve(FILE_NAME);
        if (Files.isRegularFile(jar) && Arrays.equals(Files.readAllBytes(jar), bytes)) {
            return jar;
        }
        Path temp = Files.createTempFile(agentDirectory, FILE_NAME, ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return jar;
    }

    static Manifest manifest() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Premain-Class", TestguardAgent.class.getName());
        main.putValue("Boot-Class-Path", FILE_NAME);
        main.putValue("Can-Retransform-Classes", "true");
        main.putValue("Can-Redefine-Classes", "false");
        return manifest;
    }

    private static byte[] jarBytes(Map<String, byte[]> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry manifestEntry = entry(JarFile.MANIFEST_NAME);
            jar.putNextEntry(manifestEntry);
            manifest().write(jar);
            jar.closeEntry();
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                jar.putNextEntry(entry(c.getKey()));
                jar.write(c.getValue());
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static JarEntry entry(String name) {
        JarEntry entry = new JarEntry(name);
        entry.setTime(ENTRY_TIME);
        return entry;
    }

    /** Every class file of the bootstrap package, from the jar or directory {@link TestguardAgent} came from. */
    static Map<String, byte[]> bootstrapClasses() throws IOException {
        Path source;
        try {
            source = Path.of(TestguardAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate the testguard classes to build the agent jar", e);
        }
        Map<String, byte[]> classes = Files.isDirectory(source) ? fromDirectory(source) : fromJar(source);
        if (!classes.containsKey(PACKAGE + TestguardAgent.class.getSimpleName() + ".class")) {
            throw new IOException("the agent classes are missing from " + source);
        }
        return classes;
    }

    private static Map<String, byte[]> fromDirectory(Path root) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        Path dir = root.resolve(PACKAGE);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class")) {
                    classes.put(PACKAGE + name, Files.readAllBytes(file));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return classes;
    }

    private static Map<String, byte[]> fromJar(Path jarFile) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                String rest = e.getName().startsWith(PACKAGE) ? e.getName().substring(PACKAGE.length()) : null;
                if (rest != null && rest.endsWith(".class") && !rest.contains("/")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        classes.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }
}
